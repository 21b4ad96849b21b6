/**
 * The model registry seen by promote-model (and by evaluate-and-gate's
 * `registry:` baseline): one interface, one implementation per backend
 * (object store, MLflow, git tags), chosen by openRegistry() from the URL.
 * Types only: importing this module loads no behaviour.
 */

/** One file of a model as uploaded: its path inside the model, size and sha256. */
export interface ModelFile {
  /** `/`-separated path relative to the model folder (the file name for a single-file model). */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A model file on this machine, ready to upload. */
export interface LocalModelFile extends ModelFile {
  readonly absolutePath: string;
}

/**
 * The lineage of one version: everything needed to trust and reproduce it.
 * Stored as `version.json` by the object store, as tags by MLflow, as the
 * annotated tag's message by git tags. Unknown facts are null, never absent.
 */
export interface Lineage {
  readonly schema: 1;
  readonly model: string;
  /** The registry's name for this version: `7` (object store, MLflow), `v1.2.0` (git tags). */
  readonly version: string;
  readonly registeredAt: string;
  readonly actor: string | null;
  readonly files: readonly ModelFile[];
  readonly metrics: Readonly<Record<string, number>> | null;
  readonly gate: {
    readonly passed: boolean;
    readonly best: string | null;
    readonly rules: readonly { readonly candidate: string; readonly rule: string; readonly verdict: string; readonly value: number | null }[];
  } | null;
  readonly git: { readonly commit: string | null; readonly repository: string | null };
  /** `host` is null for a version another tool registered (a GTO tag without an mlops-ci lineage block). */
  readonly run: { readonly url: string | null; readonly host: 'github' | 'gitlab' | 'jenkins' | 'local' | null };
  readonly data: { readonly digest: string | null; readonly manifest: unknown };
  readonly env: { readonly fingerprint: string | null };
  readonly image: { readonly digest: string | null };
  /** The `lineage` input: extra fields the pipeline wants recorded. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Lineage before the registry has given it a version number. */
export type PendingLineage = Omit<Lineage, 'version'>;

/** Who moves an alias, recorded with the move and in the audit log. */
export interface Mover {
  readonly actor: string | null;
  readonly runUrl: string | null;
  readonly host: string;
}

export interface Registered {
  readonly version: string;
  /** Where the model files are (s3://…/versions/7/, a folder, an MLflow artifact URI, a tag). */
  readonly uri: string;
  readonly lineage: Lineage;
}

export interface AliasMove {
  readonly alias: string;
  readonly version: string;
  /** What the alias pointed to before this move; null when it is new. */
  readonly previous: string | null;
}

export interface AliasRemoval {
  readonly alias: string;
  readonly previous: string;
}

/** A version as read back: its lineage and where its files are. */
export interface DescribedVersion {
  readonly uri: string;
  readonly lineage: Lineage;
}

/**
 * What a registry holds of one model: enough to tell a first run (no version
 * yet) from an alias that was never set, or is misspelt.
 */
export interface ModelOverview {
  readonly hasVersions: boolean;
  /** The aliases set now, sorted. */
  readonly aliases: readonly string[];
}

/**
 * A registry backend. Every write is race-free against other processes
 * writing the same registry: versions are allocated exactly once, an alias
 * move is a compare-and-swap, and a crash never leaves an alias pointing at a
 * version that is not complete.
 */
export interface ModelRegistry {
  /** Printable, secret-free: `s3://bucket/prefix`, `/abs/dir`, `mlflow+http://host:port`, `git-tags`. */
  readonly description: string;
  /** Registers the files as the next version of `model`, with its lineage. */
  register(model: string, files: readonly LocalModelFile[], lineage: PendingLineage, mover: Mover): Promise<Registered>;
  /** Points `alias` at an existing `version`. */
  setAlias(model: string, alias: string, version: string, mover: Mover): Promise<AliasMove>;
  /** Removes `alias`; `previous` is what it pointed to. A rollback afterwards restores it. */
  removeAlias(model: string, alias: string, mover: Mover): Promise<AliasRemoval>;
  /** Moves `alias` back to the version it pointed to before its last move. */
  rollback(model: string, alias: string, mover: Mover): Promise<AliasMove>;
  /**
   * Why the registry, as it holds now, would refuse `change` (the message its
   * RegistryRefusal would carry), or null. Only reads, so a step can refuse
   * while it plans, before any work; the change checks again when made, since
   * another writer may move things in between.
   */
  refusalOf(change: RegistryChange): Promise<string | null>;
  /** The version an alias points to, or a version by its name; null when neither exists. */
  describe(model: string, ref: { alias: string } | { version: string }): Promise<DescribedVersion | null>;
  /** Whether `model` has versions, and which aliases it has. */
  overview(model: string): Promise<ModelOverview>;
  /**
   * One file of a registered version, by its path inside the model (as in
   * `lineage.files`); null when the version has no such file. Backends that
   * keep no files (git tags) throw a RegistryRefusal.
   */
  readFile(model: string, version: string, file: string): Promise<Buffer | null>;
  /**
   * Removes uploads that writers abandoned (killed mid-upload) more than
   * `olderThanMs` ago, for `model` or, when null, every model; never a ready
   * version. Only backends that hold files half-written have it (object stores).
   */
  collectGarbage?(model: string | null, olderThanMs: number): Promise<GarbageReport>;
}

/** What collectGarbage removed. */
export interface GarbageReport {
  /** Versions whose upload was abandoned: their files are gone, a tombstone keeps the number from reuse. */
  readonly versions: readonly { readonly model: string; readonly version: string; readonly claimedAt: string }[];
  /** Temp files, old locks and incomplete multipart uploads, by location. */
  readonly leftovers: readonly string[];
}

/** A change a registry may refuse because of what it holds, as refusalOf() checks it ahead. */
export type RegistryChange =
  | { readonly kind: 'register'; readonly model: string }
  | { readonly kind: 'set-alias'; readonly model: string; readonly alias: string; readonly version: string }
  | { readonly kind: 'remove-alias' | 'rollback'; readonly model: string; readonly alias: string };

/** A request the registry refuses because of what it holds (unknown version, no previous version): exit 2. */
export class RegistryRefusal extends Error {
  override readonly name = 'RegistryRefusal';
}

/** A registry file that is not what its name says (not JSON, wrong shape): corrupt data, exit 1. The message names the file. */
export class RegistryCorrupt extends Error {
  override readonly name = 'RegistryCorrupt';
}
