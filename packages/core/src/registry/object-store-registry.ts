import { randomUUID } from 'node:crypto';
import { isModelFilePath, modelNameProblem } from './names.js';
import type { BlobStore } from './blob-store.js';
import {
  RegistryCorrupt,
  RegistryRefusal,
  type AliasMove,
  type AliasRemoval,
  type DescribedVersion,
  type GarbageReport,
  type RegistryChange,
  type Lineage,
  type LocalModelFile,
  type ModelRegistry,
  type ModelOverview,
  type Mover,
  type PendingLineage,
  type Registered,
} from './types.js';

/** The alias file: `<model>/aliases/<alias>.json`. */
export interface AliasRecord {
  readonly model: string;
  readonly alias: string;
  /** The version it points to; null once removed (the file stays, so a rollback can restore it). */
  readonly version: string | null;
  /** What it pointed to before its last move (what a rollback returns to); null when new. */
  readonly previous: string | null;
  readonly movedAt: string;
  readonly movedBy: string | null;
  readonly runUrl: string | null;
  readonly host: string;
}

/**
 * `version.json` while its files upload (claimed), once complete (ready), and
 * once garbage collection found its upload abandoned (a tombstone: its files
 * are removed, the number is never handed out again).
 */
type VersionDocument =
  | ({ readonly status: 'uploading'; readonly claimedAt: string } & Record<string, unknown>)
  | ({ readonly status: 'ready' } & Lineage)
  | ({ readonly status: 'abandoned'; readonly claimedAt: string; readonly abandonedAt: string } & Record<string, unknown>);

export type EventKind = 'registered' | 'alias-set' | 'alias-removed' | 'rolled-back';

/** How often a writer re-reads and retries after losing a race, before giving up. */
const MAX_ATTEMPTS = 1000;
const PROGRESS_EVERY_MS = 5000;

/**
 * The registry on an object store (S3 or a folder), race-free without a database:
 *
 *   <model>/versions/<n>/version.json   lineage; created with a create-only write
 *   <model>/versions/<n>/<files>        the model files as uploaded
 *   <model>/aliases/<alias>.json        the version it points to, moved by compare-and-swap
 *   <model>/events/<time>-<id>.json     append-only audit log
 *
 * A version is claimed by creating its version.json (status `uploading`; the
 * loser of a race tries n+1), its files are uploaded and verified, then
 * version.json is replaced with the full lineage (status `ready`). Only ready
 * versions exist for readers and aliases, so a writer killed mid-upload leaves
 * a skipped number, never an alias to missing files.
 */
export class ObjectStoreRegistry implements ModelRegistry {
  readonly description: string;
  /** Time of this writer's last event: each next one is later, so the log's name order is this writer's order. */
  private lastEventMs = 0;

  /** @param log hears what the registry is doing (uploads, with progress every few seconds). Optional. */
  constructor(
    private readonly store: BlobStore,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.description = store.description;
  }

  async register(model: string, files: readonly LocalModelFile[], pending: PendingLineage, mover: Mover): Promise<Registered> {
    checkModelName(model);
    const { version, etag } = await this.claimNextVersion(model, pending);
    const prefix = `${model}/versions/${version}/`;
    this.log(`Claimed version ${version}; uploading ${files.length} file(s) to ${this.store.locate(prefix)}`);
    for (const file of files) await this.store.upload(`${prefix}${file.path}`, file.absolutePath, file.sha256, file.size, progressLog(this.log, file));
    const lineage: Lineage = { ...pending, model, version };
    const completed = await this.store.replaceIf(`${prefix}version.json`, json({ status: 'ready', ...lineage }), etag);
    if (!completed) throw new Error(`${this.store.locate(`${prefix}version.json`)} changed while its files uploaded: another writer touched a claimed version`);
    await this.appendEvent(model, 'registered', { version }, mover);
    return { version, uri: this.store.locate(prefix), lineage };
  }

  async refusalOf(change: RegistryChange): Promise<string | null> {
    const nameProblem = modelNameRefusal(change.model);
    if (nameProblem) return nameProblem;
    // One listing before any work: a missing bucket or unusable credentials is found now (bad input), not mid-upload.
    if (change.kind === 'register') {
      await this.store.list(`${change.model}/aliases/`);
      return null;
    }
    if (change.kind === 'set-alias') return (await this.readyVersion(change.model, change.version)) ? null : this.noVersion(change.model, change.version);
    const current = (await this.readAlias(change.model, change.alias))?.record ?? null;
    const outcome = change.kind === 'remove-alias' ? this.removalOf(change.model, change.alias, current) : this.rollbackOf(change.model, change.alias, current);
    return 'refusal' in outcome ? outcome.refusal : null;
  }

  async setAlias(model: string, alias: string, version: string, mover: Mover): Promise<AliasMove> {
    checkModelName(model);
    if (!(await this.readyVersion(model, version))) throw new RegistryRefusal(this.noVersion(model, version));
    const previous = await this.swapAlias(model, alias, mover, (current) => ({ version, previous: current?.version ?? null }));
    await this.appendEvent(model, 'alias-set', { alias, version, previous }, mover);
    return { alias, version, previous };
  }

  async removeAlias(model: string, alias: string, mover: Mover): Promise<AliasRemoval> {
    checkModelName(model);
    const previous = await this.swapAlias(model, alias, mover, (current) => {
      const removal = this.removalOf(model, alias, current);
      if ('refusal' in removal) throw new RegistryRefusal(removal.refusal);
      return { version: null, previous: removal.previous };
    });
    await this.appendEvent(model, 'alias-removed', { alias, previous }, mover);
    return { alias, previous: previous as string };
  }

  async rollback(model: string, alias: string, mover: Mover): Promise<AliasMove> {
    checkModelName(model);
    let target = '';
    const previous = await this.swapAlias(model, alias, mover, (current) => {
      const rollback = this.rollbackOf(model, alias, current);
      if ('refusal' in rollback) throw new RegistryRefusal(rollback.refusal);
      target = rollback.to;
      return { version: rollback.to, previous: rollback.from };
    });
    await this.appendEvent(model, 'rolled-back', { alias, version: target, previous }, mover);
    return { alias, version: target, previous };
  }

  private noVersion(model: string, version: string): string {
    return `version ${version} of ${model} does not exist in ${this.description}`;
  }

  /** What removing the alias would unset, or why it cannot be removed. */
  private removalOf(model: string, alias: string, current: AliasRecord | null): { readonly previous: string } | { readonly refusal: string } {
    if (!current?.version) return { refusal: `alias ${alias} of ${model} is not set in ${this.description}: nothing to remove` };
    return { previous: current.version };
  }

  /** Where a rollback would move the alias from and to, or why it cannot. */
  private rollbackOf(model: string, alias: string, current: AliasRecord | null): { readonly from: string | null; readonly to: string } | { readonly refusal: string } {
    if (!current) return { refusal: `alias ${alias} of ${model} is not set in ${this.description}: nothing to roll back` };
    if (current.previous === null) return { refusal: `alias ${alias} of ${model} has no version to go back to (it points to ${current.version ?? 'nothing'}): nothing to roll back to` };
    return { from: current.version, to: current.previous };
  }

  async describe(model: string, ref: { alias: string } | { version: string }): Promise<DescribedVersion | null> {
    checkModelName(model);
    let version: string;
    if ('alias' in ref) {
      const alias = await this.readAlias(model, ref.alias);
      if (!alias?.record.version) return null;
      version = alias.record.version;
    } else {
      version = ref.version;
    }
    const lineage = await this.readyVersion(model, version);
    return lineage ? { uri: this.store.locate(`${model}/versions/${version}/`), lineage } : null;
  }

  async readFile(model: string, version: string, file: string): Promise<Buffer | null> {
    checkModelName(model);
    if (!(await this.readyVersion(model, version))) return null;
    if (!isModelFilePath(file)) return null;
    return (await this.store.get(`${model}/versions/${version}/${file}`))?.body ?? null;
  }

  async overview(model: string): Promise<ModelOverview> {
    const prefix = `${model}/aliases/`;
    const names = (await this.store.list(prefix)).map((key) => key.slice(prefix.length)).filter((key) => /^[^/]+\.json$/.test(key));
    const records = await Promise.all(names.map((name) => this.readAlias(model, name.slice(0, -'.json'.length))));
    const aliases = records.flatMap((found) => (found?.record.version ? [found.record.alias] : [])).sort();
    return { hasVersions: (await this.versions(model)).length > 0, aliases };
  }

  /** Every ready version's number, ascending (for tests and tools). */
  async versions(model: string): Promise<number[]> {
    checkModelName(model);
    const numbers = await this.claimedNumbers(model);
    const ready = await Promise.all(numbers.map(async (n) => ((await this.readyVersion(model, String(n))) ? n : null)));
    return ready.filter((n): n is number => n !== null);
  }

  /**
   * Finds uploads abandoned more than `olderThanMs` ago (a version.json still
   * `uploading` since then), turns each into a tombstone by compare-and-swap
   * (so a writer that completes at that moment wins, or fails cleanly: never
   * both), then removes its files. A ready version is never touched. Also
   * removes the store's own leftovers (temp files, old locks, open multipart
   * uploads) older than that.
   */
  async collectGarbage(model: string | null, olderThanMs: number): Promise<GarbageReport> {
    if (model !== null) checkModelName(model);
    const before = new Date(Date.now() - olderThanMs);
    const models = model !== null ? [model] : await this.models();
    const versions: { model: string; version: string; claimedAt: string }[] = [];
    const leftovers: string[] = [];
    for (const name of models) {
      for (const n of await this.claimedNumbers(name)) {
        const abandoned = await this.abandonIfOld(name, String(n), before);
        if (abandoned === null) continue;
        leftovers.push(...(await this.removeVersionFiles(name, String(n))));
        if (abandoned.now) versions.push({ model: name, version: String(n), claimedAt: abandoned.claimedAt });
      }
      leftovers.push(...(await this.store.removeLeftovers(`${name}/`, before)));
    }
    return { versions, leftovers };
  }

  /** Every model in the registry: the first part of each key whose name is a valid model name. */
  private async models(): Promise<string[]> {
    const names = new Set((await this.store.list('')).map((key) => key.split('/')[0] as string));
    return [...names].filter((name) => modelNameProblem(name) === null).sort();
  }

  /**
   * Tombstones version `n` when its upload was claimed before `before` and
   * never completed. Returns its claim time and whether it was tombstoned now,
   * or null when the version is ready, young, or was completed meanwhile.
   */
  private async abandonIfOld(model: string, version: string, before: Date): Promise<{ claimedAt: string; now: boolean } | null> {
    const key = `${model}/versions/${version}/version.json`;
    const found = await this.readObject(key, `${model} version ${version}`);
    if (!found) return null;
    const { value: doc, etag } = found;
    if (doc['status'] === 'abandoned') return { claimedAt: String(doc['claimedAt']), now: false };
    if (doc['status'] !== 'uploading') return null;
    const claimedAt = typeof doc['claimedAt'] === 'string' ? Date.parse(doc['claimedAt']) : Number.NaN;
    if (Number.isNaN(claimedAt)) throw this.damaged(key, `${model} version ${version}`, 'is an upload without a valid "claimedAt" time');
    if (claimedAt >= before.getTime()) return null;
    const tombstone = { ...doc, status: 'abandoned', abandonedAt: new Date().toISOString() };
    if (!(await this.store.replaceIf(key, json(tombstone), etag))) return null; // its writer completed it (or another collector won)
    return { claimedAt: String(doc['claimedAt']), now: true };
  }

  /** Removes every file of an abandoned version but its tombstone, and the temp files its writer left there. */
  private async removeVersionFiles(model: string, version: string): Promise<string[]> {
    const prefix = `${model}/versions/${version}/`;
    for (const key of await this.store.list(prefix)) {
      if (key !== `${prefix}version.json`) await this.store.delete(key);
    }
    return this.store.removeLeftovers(prefix, new Date());
  }

  /** Creates versions/<n>/version.json for the lowest free n above every claimed one. */
  private async claimNextVersion(model: string, pending: PendingLineage): Promise<{ version: string; etag: string }> {
    const claimed = await this.claimedNumbers(model);
    let n = (claimed.at(-1) ?? 0) + 1;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, n++) {
      const key = `${model}/versions/${n}/version.json`;
      const claim = { status: 'uploading', model, version: String(n), claimedAt: new Date().toISOString(), actor: pending.actor };
      if (await this.store.createOnly(key, json(claim))) {
        const written = await this.store.get(key);
        if (!written) throw new Error(`${this.store.locate(key)} vanished right after it was created`);
        return { version: String(n), etag: written.etag };
      }
    }
    throw new Error(`could not allocate a version of ${model} after ${MAX_ATTEMPTS} attempts`);
  }

  private async claimedNumbers(model: string): Promise<number[]> {
    const prefix = `${model}/versions/`;
    const numbers = new Set<number>();
    for (const key of await this.store.list(prefix)) {
      const match = /^(\d+)\/version\.json$/.exec(key.slice(prefix.length));
      if (match) numbers.add(Number(match[1]));
    }
    return [...numbers].sort((a, b) => a - b);
  }

  /** The lineage of a ready version; null when absent or still uploading. A damaged version.json is a RegistryCorrupt naming it. */
  private async readyVersion(model: string, version: string): Promise<Lineage | null> {
    if (!/^\d+$/.test(version)) return null;
    const key = `${model}/versions/${version}/version.json`;
    const found = await this.readObject(key, `${model} version ${version}`);
    if (!found) return null;
    const doc = found.value;
    const damaged = (problem: string) => this.damaged(key, `${model} version ${version}`, problem);
    if (doc['status'] === 'uploading' || doc['status'] === 'abandoned') return null;
    if (doc['status'] !== 'ready') throw damaged(`has status ${quoted(doc['status'])}, expected "uploading", "ready" or "abandoned"`);
    if (doc['model'] !== model || doc['version'] !== version) throw damaged(`says it is ${quoted(doc['model'], false)} version ${quoted(doc['version'], false)}`);
    if (!Array.isArray(doc['files'])) throw damaged('has no "files" list');
    const { status: _status, ...lineage } = doc as VersionDocument;
    return lineage as Lineage;
  }

  private async readAlias(model: string, alias: string): Promise<{ record: AliasRecord; etag: string } | null> {
    const key = aliasKey(model, alias);
    const found = await this.readObject(key, `alias ${alias} of ${model}`);
    if (!found) return null;
    const damaged = (problem: string) => this.damaged(key, `alias ${alias} of ${model}`, problem);
    if (!isVersionOrNull(found.value['version'])) throw damaged('has no "version" (a version number, or null once removed)');
    if (!isVersionOrNull(found.value['previous'])) throw damaged('has no "previous" (a version number, or null when new)');
    return { record: found.value as unknown as AliasRecord, etag: found.etag };
  }

  /** A registry JSON object and its tag; null when absent. Not JSON, or not an object: RegistryCorrupt. */
  private async readObject(key: string, what: string): Promise<{ value: Record<string, unknown>; etag: string } | null> {
    const found = await this.store.get(key);
    if (!found) return null;
    let value: unknown;
    try {
      value = JSON.parse(found.body.toString('utf8'));
    } catch {
      // The parser's message quotes the text: it is not repeated (a damaged file may hold anything).
      throw this.damaged(key, what, `is not valid JSON (${found.body.length} bytes)`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.damaged(key, what, 'is not a JSON object');
    return { value: value as Record<string, unknown>, etag: found.etag };
  }

  private damaged(key: string, what: string, problem: string): RegistryCorrupt {
    return new RegistryCorrupt(`registry file ${this.store.locate(key)} (${what}) is damaged: it ${problem}`);
  }

  /**
   * Compare-and-swap of the alias file: read it, compute the next record,
   * write it only if nobody moved the alias meanwhile; else re-read and retry.
   * Returns the version it pointed to before.
   */
  private async swapAlias(
    model: string,
    alias: string,
    mover: Mover,
    next: (current: AliasRecord | null) => { version: string | null; previous: string | null },
  ): Promise<string | null> {
    const key = aliasKey(model, alias);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.readAlias(model, alias);
      const move = next(current?.record ?? null);
      const record: AliasRecord = { model, alias, ...move, movedAt: new Date().toISOString(), movedBy: mover.actor, runUrl: mover.runUrl, host: mover.host };
      const body = json(record);
      const written = current ? await this.store.replaceIf(key, body, current.etag) : await this.store.createOnly(key, body);
      if (written) return current?.record.version ?? null;
      await sleep(Math.random() * Math.min(50, 2 ** Math.min(attempt, 6)));
    }
    throw new Error(`could not move alias ${alias} of ${model}: ${MAX_ATTEMPTS} concurrent moves won the race first`);
  }

  private async appendEvent(model: string, kind: EventKind, details: Record<string, unknown>, mover: Mover): Promise<void> {
    this.lastEventMs = Math.max(Date.now(), this.lastEventMs + 1);
    const at = new Date(this.lastEventMs).toISOString();
    const key = `${model}/events/${at.replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}.json`;
    const event = { event: kind, model, ...details, at, actor: mover.actor, runUrl: mover.runUrl, host: mover.host };
    if (!(await this.store.createOnly(key, json(event)))) throw new Error(`audit event ${key} already exists`);
  }
}

/** Logs an upload's progress at most every 5 s, so a long upload shows it is alive at a steady rate. */
function progressLog(log: (message: string) => void, file: LocalModelFile): (sent: number) => void {
  let last = Date.now();
  return (sent) => {
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    last = Date.now();
    log(`  ${file.path}: ${Math.round((100 * sent) / Math.max(1, file.size))}% (${sent} of ${file.size} bytes)`);
  };
}

/**
 * Every key starts with the model name, so a name that is itself a path
 * (`iris/versions/1`) would write into another model's folders: refused here
 * too, for callers that did not check it at input (a `registry:` baseline).
 */
function checkModelName(model: string): void {
  const refused = modelNameRefusal(model);
  if (refused) throw new RegistryRefusal(refused);
}

function modelNameRefusal(model: string): string | null {
  const problem = modelNameProblem(model);
  return problem ? `model name ${quoted(model)} ${problem}` : null;
}

function isVersionOrNull(value: unknown): boolean {
  return value === null || (typeof value === 'string' && /^\d+$/.test(value));
}

/** A value from a damaged file, for a message: JSON, at most 40 characters. */
function quoted(value: unknown, asJson = true): string {
  const text = asJson || typeof value !== 'string' ? (JSON.stringify(value) ?? 'nothing') : value;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function aliasKey(model: string, alias: string): string {
  return `${model}/aliases/${alias}.json`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

