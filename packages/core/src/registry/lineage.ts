import type { HostKind, RunContext } from '../host/types.js';
import type { GateResults } from '../types/gate.js';
import type { LocalModelFile, Mover, PendingLineage } from './types.js';

/** What the other steps tell promote-model about how the model was made; null when unknown. */
export interface Provenance {
  readonly dataDigest: string | null;
  readonly dataManifest: unknown;
  readonly envFingerprint: string | null;
  readonly imageDigest: string | null;
}

export interface LineageParts {
  readonly model: string;
  readonly files: readonly LocalModelFile[];
  readonly metrics: Readonly<Record<string, number>> | null;
  readonly gate: GateResults | null;
  readonly provenance: Provenance;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly actor: string | null;
  readonly host: HostKind;
  readonly context: RunContext;
}

/** Assembles version.json (everything but the version number, which the registry allocates). */
export function assembleLineage(parts: LineageParts): PendingLineage {
  const { context } = parts;
  return {
    schema: 1,
    model: parts.model,
    registeredAt: new Date().toISOString(),
    actor: parts.actor,
    files: parts.files.map(({ path: file, size, sha256 }) => ({ path: file, size, sha256 })),
    metrics: parts.metrics,
    gate: parts.gate ? gateSummary(parts.gate) : null,
    git: { commit: context.sha, repository: context.repository ? `${context.repository.owner}/${context.repository.repo}` : null },
    run: { url: context.runUrl, host: parts.host },
    data: { digest: parts.provenance.dataDigest, manifest: parts.provenance.dataManifest },
    env: { fingerprint: parts.provenance.envFingerprint },
    image: { digest: parts.provenance.imageDigest },
    extra: parts.extra,
  };
}

/** Who is acting, for alias records and the audit log. */
export function moverOf(actor: string | null, host: HostKind, context: RunContext): Mover {
  return { actor, runUrl: context.runUrl, host };
}

/** The CI user: GitHub's actor, Jenkins' build user, else the login name. */
export function actorFrom(env: NodeJS.ProcessEnv): string | null {
  return env['GITHUB_ACTOR'] || env['BUILD_USER_ID'] || env['USER'] || env['LOGNAME'] || null;
}

function gateSummary(results: GateResults): NonNullable<PendingLineage['gate']> {
  const rules = Object.entries(results.candidates).flatMap(([candidate, result]) =>
    result.rules.map((rule) => ({ candidate, rule: rule.rule, verdict: rule.verdict, value: rule.value })),
  );
  return { passed: results.passed, best: results.best, rules };
}

/** One line per fact, for the log and `--describe`. */
export function renderLineage(lineage: PendingLineage & { version?: string }, uri: string): string {
  const lines = [
    `${lineage.model} version ${lineage.version ?? '?'}  (${uri})`,
    `  registered ${lineage.registeredAt} by ${lineage.actor ?? 'unknown'} on ${lineage.run.host ?? 'an unknown host'}${lineage.run.url ? ` — ${lineage.run.url}` : ''}`,
    `  commit     ${lineage.git.commit ?? 'unknown'}${lineage.git.repository ? ` (${lineage.git.repository})` : ''}`,
    `  gate       ${lineage.gate ? (lineage.gate.passed ? `passed (best: ${lineage.gate.best ?? '-'})` : 'did not pass') : 'none recorded'}`,
    `  metrics    ${lineage.metrics ? Object.entries(lineage.metrics).map(([k, v]) => `${k}=${v}`).join(', ') : 'none recorded'}`,
    `  data       ${lineage.data.digest ?? 'unknown'}`,
    `  env        ${lineage.env.fingerprint ?? 'unknown'}`,
    `  image      ${lineage.image.digest ?? 'unknown'}`,
    ...lineage.files.map((file) => `  file       ${file.path}  ${file.size} bytes  sha256:${file.sha256}`),
  ];
  return lines.join('\n');
}
