/**
 * promote-model: register a model that passed its gate, with its lineage, and
 * move an alias to it — race-free against other pipelines doing the same.
 *
 * The story: read every input (a bad name, a missing path, an unknown
 * registry or a gate that did not pass stops here, exit 2, nothing written)
 * → open the registry and check the request against it (an unknown version,
 * an alias not set: exit 2 too) → then one of: hash the model files, register them as
 * the next version with their lineage and move the alias (the main path);
 * describe a version; roll an alias back; remove an alias; move an alias to
 * an existing version; remove abandoned uploads (gc) → a local copy of the
 * lineage, the summary, outputs. A registration ends by removing its model's
 * abandoned uploads too.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs-atomic.js';
import type { Host } from '../../host/types.js';
import { hashFile } from '../../registry/local-blob-store.js';
import { assembleLineage, moverOf, renderLineage } from '../../registry/lineage.js';
import type { InputReader } from '../../spec/inputs.js';
import type { AliasMove, DescribedVersion, GarbageReport, Lineage, LocalModelFile, ModelRegistry, Mover } from '../../registry/types.js';
import { renderStepSummary } from '../summary.js';
import type { StepResult } from '../types.js';
import type { promoteModelSpec } from './spec.js';
import { planRequest, type ModelFileRef, type PromoteRequest } from './plan.js';
import { missingVersion, planAgainstRegistry, type PromotePlan } from './registry-plan.js';

/** Reads the inputs, then opens the registry and checks the request against it: all before any work. */
export async function plan(reader: InputReader<typeof promoteModelSpec>, host: Host): Promise<PromotePlan> {
  // The credentials its clients read from the environment are masked by the step runner (storeSecrets).
  return planAgainstRegistry(await planRequest(reader, host), host);
}

/** How often long work (hashing a large file) says how far it got. */
const PROGRESS_EVERY_MS = 5000;

export async function run({ inputs, registry }: PromotePlan, host: Host): Promise<StepResult> {
  host.info(`Registry: ${registry.description}`);
  const mover = moverOf(inputs.actor, host.kind, host.context);

  switch (inputs.mode) {
    case 'describe':
      return describeVersion(registry, inputs, host);
    case 'rollback':
      return rollBack(registry, inputs.model, inputs.alias, mover, host);
    case 'remove-alias':
      return removeAlias(registry, inputs.model, inputs.alias, mover, host);
    case 'to-version':
      return moveAlias(registry, inputs.model, inputs.alias, inputs.version, mover, host);
    case 'register':
      return registerAndPromote(registry, inputs, mover, host);
    case 'gc':
      return collectGarbage(registry, inputs.model, inputs.gcOlderThanMs, host);
  }
}

type Register = Extract<PromoteRequest, { mode: 'register' }>;

/** The main path: hash, register with lineage, then move the alias (when one is given). */
async function registerAndPromote(registry: ModelRegistry, inputs: Register, mover: Mover, host: Host): Promise<StepResult> {
  const files = await host.group('Hash the model files', () => hashModelFiles(inputs.files, host));
  const pending = assembleLineage({ ...inputs, files, host: host.kind, context: host.context });
  const registered = await host.group(`Register ${inputs.model} in ${registry.description}`, () =>
    registry.register(inputs.model, files, pending, mover),
  );
  host.info(renderLineage(registered.lineage, registered.uri));
  let previous: string | null = null;
  if (inputs.alias) {
    const move = await registry.setAlias(inputs.model, inputs.alias, registered.version, mover);
    previous = move.previous;
    host.info(`${inputs.model}@${move.alias}: ${move.previous ?? '(new)'} → ${move.version}`);
  }
  await host.appendSummary(summary(registered.lineage, registered.uri, inputs.alias, previous));
  await cleanUpAfterRegistration(registry, inputs.model, inputs.gcOlderThanMs, host);
  return { outputs: await versionOutputs(registered, previous, host) };
}

/** `gc`: removes abandoned uploads, says what it removed. */
async function collectGarbage(registry: ModelRegistry, model: string | null, olderThanMs: number, host: Host): Promise<StepResult> {
  // Checked while planning: an object store registry always has it.
  if (!registry.collectGarbage) throw new Error(`${registry.description} keeps no half-written uploads to remove`);
  const report = await registry.collectGarbage(model, olderThanMs);
  const removed = report.versions.map((version) => `${version.model}@${version.version}`);
  host.info(describeGarbage(report, olderThanMs) ?? `No abandoned uploads older than ${hours(olderThanMs)} in ${registry.description}`);
  await host.appendSummary(
    renderStepSummary({
      step: 'promote-model',
      outcome: 'ok',
      headline: `gc removed ${removed.length} abandoned upload(s) and ${report.leftovers.length} leftover(s)`,
      rows: [
        ['registry', registry.description],
        ['removed', removed.join(', ')],
      ],
    }),
  );
  return { outputs: { version: '', uri: '', 'previous-version': '', lineage: '', removed: removed.join('\n') } };
}

/**
 * A registration that succeeded also removes the model's abandoned uploads
 * older than the threshold, so a registry whose writers get killed does not
 * grow for ever without anyone running gc. It is optional work: a failure is
 * a warning, the registration stands.
 */
async function cleanUpAfterRegistration(registry: ModelRegistry, model: string, olderThanMs: number, host: Host): Promise<void> {
  if (!registry.collectGarbage) return;
  try {
    const said = describeGarbage(await registry.collectGarbage(model, olderThanMs), olderThanMs);
    if (said) host.info(said);
  } catch (err) {
    host.warning(`Removing abandoned uploads of ${model} failed (the registration stands; run promote-model --gc): ${(err as Error).message}`);
  }
}

/** One line per removed upload and leftover; null when nothing was removed. */
function describeGarbage(report: GarbageReport, olderThanMs: number): string | null {
  if (report.versions.length === 0 && report.leftovers.length === 0) return null;
  return [
    `Removed ${report.versions.length} abandoned upload(s) older than ${hours(olderThanMs)} and ${report.leftovers.length} leftover(s):`,
    ...report.versions.map((version) => `  ${version.model}@${version.version} (claimed ${version.claimedAt}, never completed)`),
    ...report.leftovers.map((leftover) => `  ${leftover}`),
  ].join('\n');
}

function hours(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 1000)}s`;
}

type Describe = Extract<PromoteRequest, { mode: 'describe' }>;

async function describeVersion(registry: ModelRegistry, { model, ref, allowMissing }: Describe, host: Host): Promise<StepResult> {
  const found = await registry.describe(model, ref);
  if (!found) {
    const missing = missingVersion(registry, model, ref);
    // Planning found it: it was removed since, by another writer.
    if (!allowMissing) throw new Error(`${missing} any more`);
    host.info(`${missing} (allow-missing: found = false)`);
    await host.appendSummary(renderStepSummary({ step: 'promote-model', outcome: 'ok', headline: `${missing} (allow-missing)` }));
    return { outputs: { version: '', uri: '', 'previous-version': '', lineage: '', found: 'false' } };
  }
  host.info(renderLineage(found.lineage, found.uri));
  host.info(JSON.stringify(found.lineage, null, 2));
  await host.appendSummary(
    renderStepSummary({
      step: 'promote-model',
      outcome: 'ok',
      headline: `${found.lineage.model} ${found.lineage.version} described`,
      rows: [
        ['registry', registry.description],
        ['uri', { code: found.uri }],
        ['files', found.lineage.files.length],
        ['commit', found.lineage.git.commit ? { code: found.lineage.git.commit } : '—'],
      ],
    }),
  );
  return { outputs: { ...(await versionOutputs(found, null, host)), found: 'true' } };
}

async function rollBack(registry: ModelRegistry, model: string, alias: string, mover: Mover, host: Host): Promise<StepResult> {
  const move = await registry.rollback(model, alias, mover);
  host.info(`${model}@${alias}: rolled back from ${move.previous ?? '(none)'} to ${move.version}`);
  await host.appendSummary(aliasSummary(`${model}@${alias} rolled back to ${move.version}`, registry, move.previous ?? '(none)', move.version));
  return { outputs: await aliasOutputs(registry, model, move, host) };
}

async function removeAlias(registry: ModelRegistry, model: string, alias: string, mover: Mover, host: Host): Promise<StepResult> {
  const removed = await registry.removeAlias(model, alias, mover);
  host.info(`${model}@${alias}: removed (it pointed to ${removed.previous})`);
  await host.appendSummary(aliasSummary(`${model}@${alias} removed`, registry, removed.previous, '(none)'));
  return { outputs: { version: '', uri: '', 'previous-version': removed.previous, lineage: '' } };
}

async function moveAlias(registry: ModelRegistry, model: string, alias: string, version: string, mover: Mover, host: Host): Promise<StepResult> {
  const move = await registry.setAlias(model, alias, version, mover);
  host.info(`${model}@${alias}: ${move.previous ?? '(new)'} → ${move.version}`);
  await host.appendSummary(aliasSummary(`${model}@${alias} moved to ${move.version}`, registry, move.previous ?? '(new)', move.version));
  return { outputs: await aliasOutputs(registry, model, move, host) };
}

/** sha256 of every file: a line per file, and every 5 s while a large one hashes (models can be gigabytes). */
async function hashModelFiles(refs: readonly ModelFileRef[], host: Host): Promise<LocalModelFile[]> {
  const files: LocalModelFile[] = [];
  for (const ref of refs) {
    const size = await fileSize(ref.absolutePath);
    let last = Date.now();
    const sha256 = await hashFile(ref.absolutePath, (bytes) => {
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      host.info(`  ${ref.path}: hashed ${Math.round((100 * bytes) / Math.max(1, size))}% (${bytes} of ${size} bytes)`);
    });
    files.push({ ...ref, sha256, size });
    host.info(`  ${ref.path}  ${size} bytes  sha256:${sha256}`);
  }
  return files;
}

async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}

async function aliasOutputs(registry: ModelRegistry, model: string, move: AliasMove, host: Host): Promise<Record<string, string>> {
  const found = await registry.describe(model, { version: move.version });
  if (!found) throw new Error(`${model} version ${move.version} vanished from ${registry.description} right after the alias moved to it`);
  return versionOutputs(found, move.previous, host);
}

async function versionOutputs(found: DescribedVersion, previous: string | null, host: Host): Promise<Record<string, string>> {
  return { version: found.lineage.version, uri: found.uri, 'previous-version': previous ?? '', lineage: await lineageFile(found, host) };
}

/** The version.json in a local registry; for remote ones a copy in the run's temp folder. */
async function lineageFile(found: DescribedVersion, host: Host): Promise<string> {
  const inPlace = path.join(found.uri, 'version.json');
  if (path.isAbsolute(found.uri) && existsSync(inPlace)) return inPlace;
  const safeModel = found.lineage.model.replace(/[^A-Za-z0-9_.-]+/g, '-');
  const copy = path.join(host.context.tempDir, 'mlops-ci', 'promote-model', safeModel, found.lineage.version, 'version.json');
  await writeFileAtomic(copy, `${JSON.stringify(found.lineage, null, 2)}\n`);
  return copy;
}

function summary(lineage: Lineage, uri: string, alias: string | null, previous: string | null): string {
  return renderStepSummary({
    step: 'promote-model',
    outcome: 'ok',
    headline: `${lineage.model} ${lineage.version} registered`,
    rows: [
      ['version', lineage.version],
      ['files', lineage.files.length],
      ['uri', { code: uri }],
      ['alias', alias ? `${alias}: ${previous ?? '(new)'} → ${lineage.version}` : '—'],
      ['gate', lineage.gate ? (lineage.gate.passed ? 'passed' : 'did not pass') : '—'],
      ['commit', lineage.git.commit ? { code: lineage.git.commit } : '—'],
    ],
  });
}

/** An alias moved, rolled back or removed: where it pointed before and after. */
function aliasSummary(headline: string, registry: ModelRegistry, before: string, after: string): string {
  return renderStepSummary({
    step: 'promote-model',
    outcome: 'ok',
    headline,
    rows: [
      ['registry', registry.description],
      ['before', before],
      ['after', after],
    ],
  });
}
