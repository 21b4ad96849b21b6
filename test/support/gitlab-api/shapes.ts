// What GitLab documents for the REST endpoints the gate uses: each request's
// parameters and each response's fields, written down once from GitLab's own
// documentation (the gitlab-org/gitlab repository, mirrored as
// gitlabhq/gitlabhq), and the checks that hold the fake server to them.
//
// Where each shape comes from:
//  - POST /projects/:id/statuses/:sha — doc/api/commits.md, "Set the pipeline
//    status of a commit": the parameter table (state one of pending, running,
//    success, failed, canceled, skipped; `name` or `context`; `ref`,
//    `target_url` and `description` "255 characters or fewer"; `coverage`
//    float; `pipeline_id` integer) and its "Example response" (STATUS_SHAPE).
//  - GET /projects/:id/merge_requests/:merge_request_iid/notes — doc/api/notes.md,
//    "List all merge request notes" (`sort` asc|desc, default desc; `order_by`
//    created_at|updated_at) with the pagination of doc/api/rest/_index.md,
//    "Offset-based pagination" (`page` default 1, `per_page` default 20, at
//    most 100; headers x-next-page, x-page, x-per-page, x-prev-page, x-total,
//    x-total-pages and Link with rel first/prev/next/last).
//  - POST …/notes and PUT …/notes/:note_id — doc/api/notes.md, "Create new
//    merge request note" and "Modify existing merge request note" (`body`
//    required, "Limited to 1,000,000 characters"); the note's fields are the
//    "Get single merge request note" example (NOTE_SHAPE).
//  - GET /projects/:id/merge_requests/:merge_request_iid — doc/api/merge_requests.md;
//    the fields rendered are those of the merge request in doc/api/commits.md,
//    "List merge requests associated with a commit" (MERGE_REQUEST_SHAPE), a
//    subset of the single-MR answer (diff_refs, pipelines and the like are not
//    modelled).
//  - GET /user — doc/api/users.md, "List current user (for normal users)",
//    its example response (USER_SHAPE); no parameters.
//  - Authentication — doc/api/rest/authentication.md: a personal, project or
//    group access token in the PRIVATE-TOKEN header, a CI/CD job token in the
//    JOB-TOKEN header; a missing or wrong one is `401 {"message":"401 Unauthorized"}`.
//  - Errors — GitLab's API is built on Grape, whose parameter checks answer
//    400 `{"error":"<param> is missing | is invalid | does not have a valid
//    value"}` (the wording GitLab's own request specs, spec/requests/api/,
//    expect); an unknown project, merge request or note is 404
//    `{"message":"404 <what> Not Found"}`; a model validation (a description
//    over 255 characters) is 400 `{"message":{"<field>":["is too long …"]}}`.
//
// GitLab's generated doc/api/openapi/openapi_v2.yaml (Swagger 2.0 from the
// Grape definitions, about 2 million characters) was not used: these shapes
// were not checked against it, and the markdown pages above are the contract
// the fake is held to.
//
// Stricter than GitLab, on purpose (each is reported as a violation, so the
// client is fixed instead of relying on GitLab's leniency): a parameter no
// page documents (Grape would ignore it), a token in the query string (it
// would end up in access logs), and a `per_page` above 100 (GitLab caps it
// silently, which would end a client's pagination early).

/** A request parameter as a documentation table gives it. */
export interface ParamSpec {
  readonly type: 'string' | 'integer' | 'float' | 'boolean';
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** In characters. */
  readonly maxLength?: number;
  /** The value must be an http(s) URL (GitLab validates target_url as one). */
  readonly url?: boolean;
}

export type ParamTable = Readonly<Record<string, ParamSpec>>;

export const STATUS_STATES = ['pending', 'running', 'success', 'failed', 'canceled', 'skipped'] as const;
export type StatusState = (typeof STATUS_STATES)[number];

/** The parameters of each operation (path parameters are matched by the route). */
export const PARAMS = {
  createStatus: {
    state: { type: 'string', required: true, values: STATUS_STATES },
    ref: { type: 'string', maxLength: 255 },
    name: { type: 'string' },
    context: { type: 'string' },
    target_url: { type: 'string', maxLength: 255, url: true },
    description: { type: 'string', maxLength: 255 },
    coverage: { type: 'float' },
    pipeline_id: { type: 'integer' },
  },
  listNotes: {
    sort: { type: 'string', values: ['asc', 'desc'] },
    order_by: { type: 'string', values: ['created_at', 'updated_at'] },
    page: { type: 'integer' },
    per_page: { type: 'integer' },
  },
  createNote: {
    body: { type: 'string', required: true, maxLength: 1_000_000 },
    created_at: { type: 'string' },
    internal: { type: 'boolean' },
    merge_request_diff_head_sha: { type: 'string' },
  },
  updateNote: {
    body: { type: 'string', required: true, maxLength: 1_000_000 },
    confidential: { type: 'boolean' },
  },
  getNote: {},
  getMergeRequest: {},
  getUser: {},
} as const satisfies Record<string, ParamTable>;

export type Operation = keyof typeof PARAMS;

/**
 * Checks the merged query and body parameters against the table: the first
 * problem, worded as GitLab words it where its docs show the wording, or null.
 */
export function paramProblem(params: Readonly<Record<string, unknown>>, table: ParamTable): string | null {
  for (const name of Object.keys(params)) {
    if (!(name in table)) return `${name} is not a documented parameter of this endpoint`;
  }
  for (const [name, spec] of Object.entries(table)) {
    const value = params[name];
    if (value === undefined || value === null) {
      if (spec.required) return `${name} is missing`;
      continue;
    }
    const problem = valueProblem(value, spec);
    if (problem) return `${name} ${problem}`;
  }
  return null;
}

function valueProblem(value: unknown, spec: ParamSpec): string | null {
  switch (spec.type) {
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value)) ? null : 'is invalid';
    case 'float':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && Number.isFinite(Number(value)) && value.trim() !== '') ? null : 'is invalid';
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? null : 'is invalid';
    case 'string': {
      if (typeof value !== 'string') return 'is invalid';
      if (spec.values && !spec.values.includes(value)) return 'does not have a valid value';
      if (spec.maxLength !== undefined && [...value].length > spec.maxLength) return `is too long (maximum is ${spec.maxLength} characters)`;
      if (spec.url && !/^https?:\/\/[^\s/]+/.test(value)) return 'is blocked: Only allowed schemes are http, https';
      return null;
    }
  }
}

/** A response field's type, as the documented example shows it. */
/** A JSON type, or several joined by `|` (`string|null`), or a nested shape. */
type FieldType = string | Shape;
export interface Shape {
  readonly [field: string]: FieldType;
}

/** The `author` of a commit status (doc/api/commits.md example). */
const STATUS_AUTHOR: Shape = { id: 'number', name: 'string', username: 'string', state: 'string', avatar_url: 'string|null', web_url: 'string' };

/** doc/api/commits.md, "Set the pipeline status of a commit", example response. */
export const STATUS_SHAPE: Shape = {
  author: STATUS_AUTHOR,
  name: 'string',
  sha: 'string',
  status: 'string',
  coverage: 'number|null',
  description: 'string|null',
  id: 'number',
  target_url: 'string|null',
  ref: 'string|null',
  started_at: 'string|null',
  created_at: 'string',
  allow_failure: 'boolean',
  finished_at: 'string|null',
};

/** The `author` of a note (doc/api/notes.md examples). */
const NOTE_AUTHOR: Shape = { id: 'number', username: 'string', email: 'string', name: 'string', state: 'string', created_at: 'string' };

/** doc/api/notes.md, "Get single merge request note", example. */
export const NOTE_SHAPE: Shape = {
  id: 'number',
  body: 'string',
  author: NOTE_AUTHOR,
  created_at: 'string',
  updated_at: 'string',
  system: 'boolean',
  noteable_id: 'number',
  noteable_type: 'string',
  project_id: 'number',
  noteable_iid: 'number',
  resolvable: 'boolean',
  confidential: 'boolean',
  internal: 'boolean',
};

/** doc/api/users.md, "List current user (for normal users)", example response. */
export const USER_SHAPE: Shape = {
  id: 'number',
  username: 'string',
  email: 'string',
  name: 'string',
  state: 'string',
  avatar_url: 'string|null',
  web_url: 'string',
  created_at: 'string',
  bio: 'string',
  bio_html: 'string',
  location: 'string|null',
  public_email: 'string|null',
  skype: 'string',
  linkedin: 'string',
  twitter: 'string',
  website_url: 'string',
  organization: 'string',
  last_sign_in_at: 'string|null',
  confirmed_at: 'string|null',
  theme_id: 'number',
  last_activity_on: 'string|null',
  color_scheme_id: 'number',
  projects_limit: 'number',
  current_sign_in_at: 'string|null',
  identities: 'array',
  can_create_group: 'boolean',
  can_create_project: 'boolean',
  two_factor_enabled: 'boolean',
  external: 'boolean',
  private_profile: 'boolean',
};

/** doc/api/commits.md, "List merge requests associated with a commit", example. */
export const MERGE_REQUEST_SHAPE: Shape = {
  id: 'number',
  iid: 'number',
  project_id: 'number',
  title: 'string',
  description: 'string',
  state: 'string',
  created_at: 'string',
  updated_at: 'string',
  target_branch: 'string',
  source_branch: 'string',
  upvotes: 'number',
  downvotes: 'number',
  author: STATUS_AUTHOR,
  assignee: 'object|null',
  source_project_id: 'number',
  target_project_id: 'number',
  labels: 'array',
  draft: 'boolean',
  work_in_progress: 'boolean',
  milestone: 'object|null',
  merge_when_pipeline_succeeds: 'boolean',
  merge_status: 'string',
  sha: 'string',
  merge_commit_sha: 'string|null',
  squash_commit_sha: 'string|null',
  user_notes_count: 'number',
  discussion_locked: 'boolean|null',
  should_remove_source_branch: 'boolean|null',
  force_remove_source_branch: 'boolean',
  web_url: 'string',
  time_stats: { time_estimate: 'number', total_time_spent: 'number', human_time_estimate: 'string|null', human_total_time_spent: 'string|null' },
};

/** Where `value` differs from the shape (missing, extra or mistyped fields), or null. */
export function shapeProblem(value: unknown, shape: Shape, at = 'response'): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at} is not an object`;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!(key in shape)) return `${at}.${key} is not a documented field`;
  for (const [key, type] of Object.entries(shape)) {
    if (!(key in record)) return `${at}.${key} is missing`;
    const problem = typeof type === 'string' ? typeProblem(record[key], type) : shapeProblem(record[key], type, `${at}.${key}`);
    if (problem) return typeof type === 'string' ? `${at}.${key} ${problem}` : problem;
  }
  return null;
}

function typeProblem(value: unknown, type: string): string | null {
  const ok = type.split('|').some((one) => {
    if (one === 'null') return value === null;
    if (one === 'array') return Array.isArray(value);
    if (one === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
    return typeof value === one;
  });
  return ok ? null : `is ${JSON.stringify(value)}, documented as ${type}`;
}
