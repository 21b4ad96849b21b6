import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { isModelFilePath } from './names.js';
import {
  RegistryCorrupt,
  RegistryRefusal,
  type RegistryChange,
  type AliasMove,
  type AliasRemoval,
  type DescribedVersion,
  type Lineage,
  type LocalModelFile,
  type ModelRegistry,
  type ModelOverview,
  type Mover,
  type PendingLineage,
  type Registered,
} from './types.js';

const API = '/api/2.0/mlflow';
const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts';
/** A model version is usable once READY; registration of a copied artifact takes a moment. */
const READY_TIMEOUT_MS = 120_000;
/** Tries of an alias set that lost the server's own insert race. */
const UPSERT_ATTEMPTS = 5;

interface ModelVersion {
  readonly name: string;
  readonly version: string;
  readonly source: string;
  readonly status?: string;
  readonly status_message?: string;
  readonly tags?: readonly { key: string; value: string }[];
}

class MlflowApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: string | undefined,
  ) {
    super(message);
  }
}

/**
 * The MLflow model registry through its REST API (`mlflow+http://host:port`).
 * The model files go to the server's artifact store (`mlflow-artifacts:`,
 * served by `mlflow server`), the version is created with that source and
 * awaited until READY, lineage fields become version tags (the whole
 * version.json is stored beside the files), and aliases are set through
 * `registered-models/alias`. MLflow allocates version numbers itself; its
 * alias API has no compare-and-swap, so two concurrent moves of one alias
 * end with the last writer's. Stages are deprecated since MLflow 2.9: aliases only.
 */
export class MlflowRegistry implements ModelRegistry {
  readonly description: string;

  /**
   * @param auth the `Authorization` header value, or null: MLflow's own client
   *   variables MLFLOW_TRACKING_TOKEN (bearer) or MLFLOW_TRACKING_USERNAME/PASSWORD (basic).
   */
  constructor(
    private readonly baseUrl: string,
    private readonly auth: string | null = null,
  ) {
    this.description = `mlflow+${baseUrl}`;
  }

  async register(model: string, files: readonly LocalModelFile[], pending: PendingLineage, mover: Mover): Promise<Registered> {
    // MLflow 3 accepts a version source only inside the run named with it: the files go into a run's artifacts.
    const run = await this.createRun(model, pending);
    let registered: Registered;
    try {
      registered = await this.registerInRun(run, model, files, pending, mover);
    } catch (err) {
      await this.endRun(run.runId, 'FAILED').catch((cause: unknown) => {
        throw new Error(`${(err as Error).message} (and marking MLflow run ${run.runId} FAILED failed too: ${(cause as Error).message})`, { cause: err });
      });
      throw err;
    }
    await this.endRun(run.runId, 'FINISHED');
    return registered;
  }

  /** Uploads the files into the run, creates the version from them and waits until it is READY. */
  private async registerInRun(
    run: { runId: string; artifactUri: string },
    model: string,
    files: readonly LocalModelFile[],
    pending: PendingLineage,
    mover: Mover,
  ): Promise<Registered> {
    const folder = `${run.artifactUri.replace(/^mlflow-artifacts:\/+/, '')}/model`;
    for (const file of files) await this.uploadArtifact(`${folder}/${file.path}`, { file: file.absolutePath, size: file.size });
    await this.ensureRegisteredModel(model);
    const source = `${run.artifactUri}/model`;
    const created = await this.call<{ model_version: ModelVersion }>('POST', 'model-versions/create', {
      name: model,
      source,
      run_id: run.runId,
      description: `Registered by mlops-ci from ${pending.git.commit ?? 'an unknown commit'}`,
      tags: lineageTags(pending, mover),
    });
    const version = await this.waitUntilReady(model, created.model_version.version);
    const lineage: Lineage = { ...pending, version: version.version };
    await this.uploadArtifact(`${folder}/version.json`, Buffer.from(`${JSON.stringify(lineage, null, 2)}\n`));
    return { version: version.version, uri: source, lineage };
  }

  /** Ends the run: FINISHED once the version is registered, FAILED when registering it failed (never left RUNNING). */
  private async endRun(runId: string, status: 'FINISHED' | 'FAILED'): Promise<void> {
    await this.call('POST', 'runs/update', { run_id: runId, status, end_time: Date.now() });
  }

  /** A run in the `mlops-ci` experiment holding the model files, its metrics logged. */
  private async createRun(model: string, pending: PendingLineage): Promise<{ runId: string; artifactUri: string }> {
    const experimentId = await this.experimentId('mlops-ci');
    const created = await this.call<{ run: { info: { run_id: string; artifact_uri: string } } }>('POST', 'runs/create', {
      experiment_id: experimentId,
      run_name: `register ${model}`,
      start_time: Date.now(),
      tags: [{ key: 'mlflow.source.git.commit', value: pending.git.commit ?? '' }].filter((tag) => tag.value),
    });
    const { run_id: runId, artifact_uri: artifactUri } = created.run.info;
    const metrics = Object.entries(pending.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: Date.now(), step: 0 }));
    if (metrics.length > 0) await this.call('POST', 'runs/log-batch', { run_id: runId, metrics });
    return { runId, artifactUri };
  }

  private async experimentId(name: string): Promise<string> {
    try {
      return (await this.call<{ experiment: { experiment_id: string } }>('GET', `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`)).experiment.experiment_id;
    } catch (err) {
      if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')) throw err;
    }
    try {
      return (await this.call<{ experiment_id: string }>('POST', 'experiments/create', { name })).experiment_id;
    } catch (err) {
      // Another pipeline created it meanwhile.
      if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw err;
      return (await this.call<{ experiment: { experiment_id: string } }>('GET', `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`)).experiment.experiment_id;
    }
  }

  async refusalOf(change: RegistryChange): Promise<string | null> {
    switch (change.kind) {
      case 'register':
        return null;
      case 'set-alias':
        return this.missingVersion(change.model, change.version);
      case 'remove-alias':
        return (await this.aliasVersion(change.model, change.alias)) ? null : this.unsetAlias(change.model, change.alias);
      case 'rollback':
        return (await this.rollbackTarget(change.model, change.alias)) ? null : this.nothingToRollBack(change.model, change.alias);
    }
  }

  async setAlias(model: string, alias: string, version: string, _mover: Mover): Promise<AliasMove> {
    const missing = await this.missingVersion(model, version);
    if (missing) throw new RegistryRefusal(missing);
    const previous = (await this.aliasVersion(model, alias))?.version ?? null;
    await this.upsert('registered-models/alias', { name: model, alias, version });
    // MLflow keeps no history of an alias: the version before this move is a tag, for rollback.
    await this.upsert('registered-models/set-tag', { name: model, key: previousTag(alias), value: previous ?? '' });
    return { alias, version, previous };
  }

  async removeAlias(model: string, alias: string, _mover: Mover): Promise<AliasRemoval> {
    const current = await this.aliasVersion(model, alias);
    if (!current) throw new RegistryRefusal(this.unsetAlias(model, alias));
    await this.call('DELETE', 'registered-models/alias', { name: model, alias });
    await this.upsert('registered-models/set-tag', { name: model, key: previousTag(alias), value: current.version });
    return { alias, previous: current.version };
  }

  async rollback(model: string, alias: string, mover: Mover): Promise<AliasMove> {
    const previous = await this.rollbackTarget(model, alias);
    if (!previous) throw new RegistryRefusal(this.nothingToRollBack(model, alias));
    return this.setAlias(model, alias, previous, mover);
  }

  /** The version the alias pointed to before its last move (a tag: MLflow keeps no alias history); null when none. */
  private async rollbackTarget(model: string, alias: string): Promise<string | null> {
    const registered = await this.call<{ registered_model: { tags?: { key: string; value: string }[] } }>('GET', `registered-models/get?name=${encodeURIComponent(model)}`);
    return registered.registered_model.tags?.find((tag) => tag.key === previousTag(alias))?.value || null;
  }

  private async missingVersion(model: string, version: string): Promise<string | null> {
    if (/^\d+$/.test(version) && (await this.modelVersion(model, version))) return null;
    return `version ${version} of ${model} does not exist in ${this.description}`;
  }

  private unsetAlias(model: string, alias: string): string {
    return `alias ${alias} of ${model} is not set in ${this.description}: nothing to remove`;
  }

  private nothingToRollBack(model: string, alias: string): string {
    return `alias ${alias} of ${model} has no version to go back to in ${this.description}: nothing to roll back to`;
  }

  async describe(model: string, ref: { alias: string } | { version: string }): Promise<DescribedVersion | null> {
    const version = 'alias' in ref ? await this.aliasVersion(model, ref.alias) : /^\d+$/.test(ref.version) ? await this.modelVersion(model, ref.version) : null;
    if (!version) return null;
    const folder = version.source.replace(/^mlflow-artifacts:\/+/, '');
    const stored = await this.request('GET', `${ARTIFACTS}/${encodePath(folder)}/version.json`);
    if (stored.status === 404) return null; // not registered by mlops-ci, or its registration never finished
    if (!stored.ok) throw new Error(`${this.description}: reading the lineage of ${model} ${version.version} failed with HTTP ${stored.status}`);
    return { uri: version.source, lineage: this.parseLineage(await stored.text(), `${version.source}/version.json`, model, version.version) };
  }

  /** The stored version.json; not a JSON object: a RegistryCorrupt naming it (its text is not quoted). */
  private parseLineage(text: string, where: string, model: string, version: string): Lineage {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new RegistryCorrupt(`registry file ${where} (${model} version ${version}) in ${this.description} is damaged: it is not a JSON object (${Buffer.byteLength(text)} bytes)`);
    }
    return parsed as Lineage;
  }

  async overview(model: string): Promise<ModelOverview> {
    let registered: { registered_model: { aliases?: readonly { alias: string }[] } };
    try {
      registered = await this.call('GET', `registered-models/get?name=${encodeURIComponent(model)}`);
    } catch (err) {
      if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') return { hasVersions: false, aliases: [] };
      throw err;
    }
    const found = await this.call<{ model_versions?: readonly unknown[] }>('GET', `model-versions/search?filter=${encodeURIComponent(`name='${model}'`)}&max_results=1`);
    return { hasVersions: (found.model_versions ?? []).length > 0, aliases: (registered.registered_model.aliases ?? []).map((a) => a.alias).sort() };
  }

  async readFile(model: string, version: string, file: string): Promise<Buffer | null> {
    const found = /^\d+$/.test(version) ? await this.modelVersion(model, version) : null;
    if (!found || !isModelFilePath(file)) return null;
    const folder = found.source.replace(/^mlflow-artifacts:\/+/, '');
    const response = await this.request('GET', `${ARTIFACTS}/${encodePath(folder)}/${encodePath(file)}`);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${this.description}: reading ${file} of ${model} ${version} failed with HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  /**
   * A POST that sets a row (an alias, a tag). The server reads, then inserts:
   * two first-time sets of one key at once make the loser fail on the table's
   * unique key (seen with MLflow 3.17 on sqlite, for aliases and for tags). A
   * retry finds the row and updates it.
   */
  private async upsert(endpoint: string, body: Record<string, string>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.call('POST', endpoint, body);
        return;
      } catch (err) {
        const lostInsertRace = err instanceof MlflowApiError && /UNIQUE constraint|IntegrityError|duplicate key/i.test(err.message);
        if (!lostInsertRace || attempt >= UPSERT_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      }
    }
  }

  private async ensureRegisteredModel(model: string): Promise<void> {
    try {
      await this.call('POST', 'registered-models/create', { name: model });
    } catch (err) {
      if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw err;
    }
  }

  private async waitUntilReady(model: string, version: string): Promise<ModelVersion> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const current = await this.modelVersion(model, version);
      if (current?.status === 'READY') return current;
      if (current?.status === 'FAILED_REGISTRATION') throw new Error(`${this.description}: ${model} version ${version} failed to register: ${current.status_message ?? ''}`);
      if (Date.now() > deadline) throw new Error(`${this.description}: ${model} version ${version} was not READY after ${READY_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async modelVersion(model: string, version: string): Promise<ModelVersion | null> {
    try {
      const found = await this.call<{ model_version: ModelVersion }>('GET', `model-versions/get?name=${encodeURIComponent(model)}&version=${encodeURIComponent(version)}`);
      return found.model_version;
    } catch (err) {
      if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') return null;
      throw err;
    }
  }

  private async aliasVersion(model: string, alias: string): Promise<ModelVersion | null> {
    try {
      const found = await this.call<{ model_version: ModelVersion }>('GET', `registered-models/alias?name=${encodeURIComponent(model)}&alias=${encodeURIComponent(alias)}`);
      return found.model_version;
    } catch (err) {
      // An unknown alias is INVALID_PARAMETER_VALUE in some versions, RESOURCE_DOES_NOT_EXIST in others.
      if (err instanceof MlflowApiError && (err.errorCode === 'RESOURCE_DOES_NOT_EXIST' || err.errorCode === 'INVALID_PARAMETER_VALUE' || err.status === 404)) return null;
      throw err;
    }
  }

  /** PUT to the server's artifact store; a file is streamed, not read into memory (models can be gigabytes). */
  private async uploadArtifact(artifactPath: string, body: Buffer | { file: string; size: number }): Promise<void> {
    const response = await this.request('PUT', `${ARTIFACTS}/${encodePath(artifactPath)}`, body);
    if (!response.ok) throw new Error(`${this.description}: uploading ${artifactPath} failed with HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }

  private async call<T = unknown>(method: 'GET' | 'POST' | 'DELETE', endpoint: string, body?: unknown): Promise<T> {
    const response = await this.request(method, `${API}/${endpoint}`, body === undefined ? undefined : JSON.stringify(body));
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : {}) as T;
    let parsed: { error_code?: string; message?: string } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // not JSON: an HTML error page from a proxy
    }
    throw new MlflowApiError(`${this.description}: ${method} ${endpoint.split('?')[0]} failed with HTTP ${response.status}: ${parsed.message ?? text.slice(0, 300)}`, response.status, parsed.error_code);
  }

  private async request(method: string, pathAndQuery: string, body?: string | Buffer | { file: string; size: number }): Promise<Response> {
    try {
      const headers: Record<string, string> = this.auth ? { authorization: this.auth } : {};
      if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
      let payload: RequestInit['body'] | undefined;
      if (typeof body === 'string') payload = body;
      else if (Buffer.isBuffer(body)) payload = new Uint8Array(body);
      else if (body) {
        headers['content-length'] = String(body.size);
        payload = Readable.toWeb(createReadStream(body.file)) as ReadableStream<Uint8Array>;
      }
      // A streamed body needs duplex: 'half' (undici); it is harmless for the others.
      const init = { method, headers, ...(payload === undefined ? {} : { body: payload, duplex: 'half' }) } as RequestInit;
      return await fetch(`${this.baseUrl}${pathAndQuery}`, init);
    } catch (err) {
      throw new Error(`${this.description} is not reachable: ${(err as Error).message}`, { cause: err });
    }
  }
}

/** The Authorization header MLflow's own clients would send, from their environment variables; null without them. */
export function mlflowAuthFromEnv(env: NodeJS.ProcessEnv): string | null {
  if (env['MLFLOW_TRACKING_TOKEN']) return `Bearer ${env['MLFLOW_TRACKING_TOKEN']}`;
  const user = env['MLFLOW_TRACKING_USERNAME'];
  const password = env['MLFLOW_TRACKING_PASSWORD'];
  return user && password ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : null;
}

/** Lineage fields as version tags, so the MLflow UI and API show them without our file. */
function lineageTags(lineage: PendingLineage, mover: Mover): { key: string; value: string }[] {
  const tags: Record<string, string | null> = {
    'mlops_ci.git_commit': lineage.git.commit,
    'mlops_ci.repository': lineage.git.repository,
    'mlops_ci.run_url': lineage.run.url,
    'mlops_ci.host': lineage.run.host,
    'mlops_ci.actor': mover.actor,
    'mlops_ci.gate_passed': lineage.gate ? String(lineage.gate.passed) : null,
    'mlops_ci.data_digest': lineage.data.digest,
    'mlops_ci.env_fingerprint': lineage.env.fingerprint,
    'mlops_ci.image_digest': lineage.image.digest,
    'mlops_ci.files': lineage.files.map((file) => `${file.path} sha256:${file.sha256}`).join('\n'),
    ...Object.fromEntries(Object.entries(lineage.metrics ?? {}).map(([name, value]) => [`mlops_ci.metric.${name}`, String(value)])),
  };
  return Object.entries(tags)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')
    .map(([key, value]) => ({ key, value: value.slice(0, 5000) }));
}

function previousTag(alias: string): string {
  return `mlops_ci.alias.${alias}.previous`;
}

function encodePath(artifactPath: string): string {
  return artifactPath.split('/').map(encodeURIComponent).join('/');
}
