// Limits GitHub enforces that the OpenAPI schema does not express (or, for
// check runs, expresses only in characters while GitHub also counts bytes).
// Each returns GitHub's own 422 body for the first broken limit, or null.
// Messages follow what GitHub really answers (seen in client bug reports),
// so a product that parses them is tested against the real text.

export interface GitHubError {
  message: string;
  /** GitHub leaves `message` out where `code` says it all (e.g. `already_exists`). */
  errors?: { resource: string; field: string; code: string; message?: string }[];
}

export const LIMITS = {
  statusDescriptionChars: 140,
  statusesPerShaAndContext: 1000,
  commentBodyChars: 65536,
  checkRunOutputChars: 65535,
  checkRunOutputBytes: 65535,
  annotationsPerRequest: 50,
} as const;

/** Characters as GitHub (and ajv's maxLength) count them: code points, not UTF-16 units. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function validationFailed(resource: string, field: string, code: string, message: string): GitHubError {
  return { message: 'Validation Failed', errors: [{ resource, field, code, message }] };
}

/** POST /repos/{owner}/{repo}/statuses/{sha} */
export function commitStatusLimits(body: { description?: string | null }): GitHubError | null {
  const d = body.description;
  if (typeof d === 'string' && charLength(d) > LIMITS.statusDescriptionChars) {
    return validationFailed('Status', 'description', 'custom', `description is too long (maximum is ${LIMITS.statusDescriptionChars} characters)`);
  }
  return null;
}

/** POST .../issues/{n}/comments and PATCH .../issues/comments/{id} */
export function issueCommentLimits(body: { body?: string }): GitHubError | null {
  const text = body.body ?? '';
  if (text.trim() === '') return validationFailed('IssueComment', 'body', 'missing_field', 'body cannot be blank');
  if (charLength(text) > LIMITS.commentBodyChars) {
    return validationFailed('IssueComment', 'data', 'unprocessable', `Body is too long (maximum is ${LIMITS.commentBodyChars} characters)`);
  }
  return null;
}

interface CheckRunBody {
  status?: string;
  conclusion?: string;
  completed_at?: string;
  output?: { summary?: string; text?: string; annotations?: unknown[] };
}

/**
 * POST .../check-runs and PATCH .../check-runs/{id}. The spec carries the
 * character limits (maxLength 65535, maxItems 50) today; they are checked here
 * as well so the fake keeps enforcing GitHub's documented limits should a
 * spec update drop them, and because GitHub also caps the UTF-8 size.
 */
export function checkRunLimits(body: CheckRunBody, creating: boolean): GitHubError | null {
  for (const field of ['summary', 'text'] as const) {
    const value = body.output?.[field];
    if (typeof value !== 'string') continue;
    const chars = charLength(value);
    if (chars > LIMITS.checkRunOutputChars) {
      return { message: `Invalid request.\n\nOnly ${LIMITS.checkRunOutputChars} characters are allowed; ${chars} were supplied.` };
    }
    if (Buffer.byteLength(value, 'utf8') > LIMITS.checkRunOutputBytes) {
      return validationFailed('CheckRun', field, 'custom', `${field} exceeds a maximum bytesize of ${LIMITS.checkRunOutputBytes}`);
    }
  }
  const annotations = body.output?.annotations;
  if (Array.isArray(annotations) && annotations.length > LIMITS.annotationsPerRequest) {
    return { message: `Invalid request.\n\nNo more than ${LIMITS.annotationsPerRequest} items are allowed; ${annotations.length} were supplied.` };
  }
  // "stale" is in the request enum but only GitHub itself may set it.
  if (body.conclusion === 'stale') {
    return validationFailed('CheckRun', 'conclusion', 'custom', 'conclusion "stale" can only be set by GitHub');
  }
  // Documented for create: conclusion is required with completed_at or status
  // "completed" (the update body's schema says the same with an anyOf).
  if (creating && body.conclusion === undefined && (body.status === 'completed' || body.completed_at !== undefined)) {
    return { message: 'Invalid request.\n\n"conclusion" wasn\'t supplied.' };
  }
  return null;
}
