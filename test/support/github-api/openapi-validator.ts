// Validation against GitHub's own OpenAPI description (@octokit/openapi,
// api.github.com, OpenAPI 3.0.3). The fake GitHub server uses this to reject
// requests the real API would reject, and to check every response it sends
// against the documented schema, so the product is never tested against a
// shape GitHub would not produce.
//
// Why the bundled (non-dereferenced) file: it is 13 MB against 73 MB and
// parses about five times faster; its `$ref`s resolve inside one ajv schema
// (the whole spec is added under SPEC_ID and each validator is a `$ref` into
// it), so shared components such as simple-user are compiled once, not once
// per use site as the dereferenced copy would force.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext the default import is module.exports,
// whose `default` property is the plugin (both exist at run time).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const SPEC_ID = 'https://api.github.com/openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** JSON pointer (in the spec) of the parameter's schema. */
  schemaPointer: string;
  schema: JsonObject;
  /** octokit extension: the value may contain '/', e.g. a branch name as {ref}. */
  multiSegment: boolean;
}

export interface Operation {
  operationId: string;
  method: string; // upper case
  pathTemplate: string;
  parameters: ParameterInfo[];
  /** Pointer of the application/json request body schema, when there is one. */
  bodyPointer: string | null;
  bodyRequired: boolean;
  documentationUrl: string;
  /** status code (or 'default') → pointer of its application/json schema, or null for no body. */
  responses: Map<string, string | null>;
  matcher: RegExp;
  pathParamNames: string[];
  /** Used to choose between templates that match the same path: literals win over parameters. */
  literalSegments: number;
}

export interface OperationMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

export interface RequestProblem {
  /** 'body' or e.g. 'query parameter "per_page"'. */
  label: string;
  /** The ajv error, or null for a missing required parameter. */
  error: ErrorObject | null;
  /** The offending value (what the error's instancePath points at). */
  value: unknown;
  /** One line for the violation log: label, JSON pointer and ajv's message. */
  text: string;
}

export interface SpecLoadStats {
  readMs: number;
  parseMs: number;
  normalizeMs: number;
  indexMs: number;
  ajvAddMs: number;
  totalMs: number;
  operations: number;
}

/** The loaded spec: one per process (the file is big; tests start many servers). */
export class OpenApiSpec {
  readonly operations: Operation[] = [];
  readonly byId = new Map<string, Operation>();
  private readonly byMethod = new Map<string, Operation[]>();
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly document: JsonObject,
    readonly stats: SpecLoadStats,
  ) {
    this.ajv = new Ajv({
      // The spec is OpenAPI, not JSON Schema: x-github*, example, discriminator,
      // readOnly... are unknown keywords that must be ignored, not fatal.
      strict: false,
      // Report every problem of a request at once, as GitHub's "Invalid request" does.
      allErrors: true,
      // The document as a whole is not a JSON schema; do not meta-validate it.
      validateSchema: false,
      // Nothing in the spec is coerced or defaulted: data is validated as sent.
      useDefaults: false,
      coerceTypes: false,
    });
    addFormats(this.ajv);
    // A format that only GitHub uses (for `owner/name` strings).
    this.ajv.addFormat('repo.nwo', /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
    const started = performance.now();
    this.ajv.addSchema(document, SPEC_ID);
    this.stats.ajvAddMs = performance.now() - started;
    this.stats.totalMs += this.stats.ajvAddMs;
  }

  /** Find the operation for a request path (without query, already stripped of /api/v3). */
  match(method: string, path: string): OperationMatch | null {
    const candidates = this.byMethod.get(method.toUpperCase()) ?? [];
    let best: OperationMatch | null = null;
    for (const operation of candidates) {
      const m = operation.matcher.exec(path);
      if (!m) continue;
      if (best && best.operation.literalSegments >= operation.literalSegments) continue;
      const pathParams: Record<string, string> = {};
      let decodable = true;
      operation.pathParamNames.forEach((name, i) => {
        try {
          pathParams[name] = decodeURIComponent(m[i + 1] ?? '');
        } catch {
          decodable = false;
        }
      });
      if (decodable) best = { operation, pathParams };
    }
    return best;
  }

  /** Is there any operation on this path, whatever the method? (for a better 404 message) */
  pathExists(path: string): boolean {
    return this.operations.some((op) => op.matcher.test(path));
  }

  /**
   * Validate the parts of a request against an operation (empty when valid).
   * Query and path values arrive as strings and are converted to the
   * parameter's declared type first (as GitHub's router does); `coerced`
   * receives the typed values for the handlers.
   */
  validateRequest(
    operation: Operation,
    request: {
      pathParams: Record<string, string>;
      query: Record<string, string | string[]>;
      headers: Record<string, string>;
      body: unknown;
      hasBody: boolean;
    },
    coerced: { path: Record<string, unknown>; query: Record<string, unknown> } = { path: {}, query: {} },
  ): RequestProblem[] {
    const problems: RequestProblem[] = [];
    for (const p of operation.parameters) {
      const source: Record<string, string | string[] | undefined> =
        p.in === 'path' ? request.pathParams : p.in === 'query' ? request.query : p.in === 'header' ? lowerKeys(request.headers) : {};
      const raw = source[p.in === 'header' ? p.name.toLowerCase() : p.name];
      const label = `${p.in} parameter "${p.name}"`;
      if (raw === undefined) {
        if (p.required) problems.push({ label, error: null, value: undefined, text: `${label} is required` });
        continue;
      }
      const value = coerceParameter(raw, this.resolveSchema(p.schema));
      if (p.in === 'path') coerced.path[p.name] = value;
      if (p.in === 'query') coerced.query[p.name] = value;
      for (const e of this.check(p.schemaPointer, value)) problems.push({ label, error: e, value, text: `${label}${formatError(e)}` });
    }
    if (operation.bodyPointer) {
      // GitHub reads an empty body as no parameters: a required body is then
      // checked as {} so the answer names the missing fields.
      const body = request.hasBody ? request.body : operation.bodyRequired ? {} : undefined;
      if (body !== undefined) {
        for (const e of this.check(operation.bodyPointer, body)) {
          problems.push({ label: 'body', error: e, value: atPointer(body, e.instancePath), text: `body${formatError(e)}` });
        }
      }
    }
    return problems;
  }

  /**
   * Validate a response the fake is about to send. Problems mean the fake is
   * wrong (or the status code is one the operation does not document).
   */
  validateResponse(operation: Operation, status: number, body: unknown): string[] {
    const key = operation.responses.has(String(status)) ? String(status) : operation.responses.has('default') ? 'default' : null;
    if (key === null) return [`status ${status} is not documented for ${operation.operationId}`];
    const pointer = operation.responses.get(key) ?? null;
    if (pointer === null) return body === undefined ? [] : [`status ${status} of ${operation.operationId} has no documented body`];
    if (body === undefined) return [`status ${status} of ${operation.operationId} needs a JSON body`];
    return this.check(pointer, body).map((e) => `response${formatError(e)}`);
  }

  /** Validate data against a named component schema, e.g. 'basic-error', 'issue-comment'. */
  validateComponent(name: string, data: unknown): string[] {
    return this.check(`/components/schemas/${escapePointer(name)}`, data).map((e) => `${name}${formatError(e)}`);
  }

  /** Compile (once) and run the validator for the schema at `pointer`. */
  check(pointer: string, data: unknown): ErrorObject[] {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}` });
      this.validators.set(pointer, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }

  /** Follow a `$ref` in the spec (one level is enough for parameter schemas). */
  resolveSchema(schema: JsonObject): JsonObject {
    let current = schema;
    for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
      current = resolvePointer(this.document, current.$ref.replace(/^#/, '')) as JsonObject;
    }
    return current;
  }

  /** Build the operation index (called once by loadSpec). */
  index(): void {
    const paths = this.document.paths as Record<string, JsonObject>;
    for (const [template, item] of Object.entries(paths)) {
      const shared = (item.parameters as JsonObject[] | undefined) ?? [];
      for (const method of HTTP_METHODS) {
        const raw = item[method] as JsonObject | undefined;
        if (!raw) continue;
        const opPointer = `/paths/${escapePointer(template)}/${method}`;
        const parameters = new Map<string, ParameterInfo>();
        const collect = (list: JsonObject[], listPointer: string) =>
          list.forEach((entry, i) => {
            let pointer = `${listPointer}/${i}`;
            let param = entry;
            if (typeof entry.$ref === 'string') {
              pointer = entry.$ref.replace(/^#/, '');
              param = resolvePointer(this.document, pointer) as JsonObject;
            }
            const info: ParameterInfo = {
              name: String(param.name),
              in: param.in as ParameterInfo['in'],
              required: param.required === true,
              schemaPointer: `${pointer}/schema`,
              schema: (param.schema as JsonObject | undefined) ?? {},
              multiSegment: param['x-multi-segment'] === true,
            };
            // Operation-level parameters override path-level ones (OpenAPI rule).
            parameters.set(`${info.in}:${info.name}`, info);
          });
        collect(shared, `/paths/${escapePointer(template)}/parameters`);
        collect((raw.parameters as JsonObject[] | undefined) ?? [], `${opPointer}/parameters`);

        const requestBody = raw.requestBody as JsonObject | undefined;
        const bodyContent = requestBody?.content as Record<string, JsonObject> | undefined;
        const bodyPointer = bodyContent?.['application/json']?.schema
          ? `${opPointer}/requestBody/content/application~1json/schema`
          : null;

        const responses = new Map<string, string | null>();
        for (const [code, response] of Object.entries((raw.responses as Record<string, JsonObject>) ?? {})) {
          let pointer = `${opPointer}/responses/${escapePointer(code)}`;
          let resolved = response;
          if (typeof response.$ref === 'string') {
            pointer = response.$ref.replace(/^#/, '');
            resolved = resolvePointer(this.document, pointer) as JsonObject;
          }
          const content = resolved.content as Record<string, JsonObject> | undefined;
          // GitHub documents JSON bodies as application/json; some also list
          // application/scim+json etc. Only JSON bodies are validated.
          const jsonType = content ? Object.keys(content).find((t) => t === 'application/json' || t.endsWith('+json')) : undefined;
          responses.set(
            code,
            jsonType && content?.[jsonType]?.schema ? `${pointer}/content/${escapePointer(jsonType)}/schema` : null,
          );
        }

        const pathParamNames: string[] = [];
        let literalSegments = 0;
        const pattern = template
          .split('/')
          .map((segment) => {
            if (!segment.includes('{')) {
              if (segment) literalSegments++;
              return escapeRegExp(segment);
            }
            // A segment may mix literals and parameters ({owner}.github.io is not
            // in this spec, but `{name}.{ext}`-style segments are legal OpenAPI).
            return segment.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, literal: string | undefined) => {
              if (literal !== undefined) return escapeRegExp(literal);
              pathParamNames.push(name!);
              return parameters.get(`path:${name}`)?.multiSegment ? '(.+?)' : '([^/]+)';
            });
          })
          .join('/');
        const operation: Operation = {
          operationId: String(raw.operationId),
          method: method.toUpperCase(),
          pathTemplate: template,
          parameters: [...parameters.values()],
          bodyPointer,
          bodyRequired: requestBody?.required === true,
          documentationUrl: String((raw.externalDocs as JsonObject | undefined)?.url ?? 'https://docs.github.com/rest'),
          responses,
          matcher: new RegExp(`^${pattern}/?$`),
          pathParamNames,
          literalSegments,
        };
        this.operations.push(operation);
        this.byId.set(operation.operationId, operation);
        const list = this.byMethod.get(operation.method) ?? [];
        list.push(operation);
        this.byMethod.set(operation.method, list);
      }
    }
  }
}

let loaded: OpenApiSpec | null = null;

/** Load, normalize and index the spec once per process (module instance). */
export function loadSpec(): OpenApiSpec {
  if (loaded) return loaded;
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const text = readFileSync(file, 'utf8');
  const t1 = performance.now();
  const document = JSON.parse(text) as JsonObject;
  const t2 = performance.now();
  normalizeOpenApi(document);
  const t3 = performance.now();
  const stats: SpecLoadStats = {
    readMs: t1 - t0,
    parseMs: t2 - t1,
    normalizeMs: t3 - t2,
    indexMs: 0,
    ajvAddMs: 0,
    totalMs: t3 - t0,
    operations: 0,
  };
  const spec = new OpenApiSpec(document, stats);
  const t4 = performance.now();
  spec.index();
  stats.indexMs = performance.now() - t4;
  stats.totalMs += stats.indexMs;
  stats.operations = spec.operations.length;
  loaded = spec;
  return spec;
}

// ---------------------------------------------------------------------------
// OpenAPI 3.0 → JSON Schema (what ajv validates)

/**
 * Rewrite OpenAPI 3.0 `nullable` into JSON Schema, in place, wherever a schema
 * can appear. ajv's own `nullable` support is not enough for this spec:
 *  - ajv throws on `nullable: true` without `type`; GitHub has 135 of those
 *    (`{nullable: true, anyOf: [...]}`, `{nullable: true, allOf: [{$ref}]}`).
 *  - `{type: string, nullable: true, enum: [a, b]}` must accept null (71 such
 *    enums in the spec leave null out, e.g. `issue.state_reason`), but a
 *    JSON Schema `enum` without null rejects it.
 * Only schema positions are walked: examples may contain keys named
 * "nullable" that must not be touched.
 */
export function normalizeOpenApi(document: JsonObject): void {
  const components = (document.components ?? {}) as Record<string, Record<string, JsonObject>>;
  for (const schema of Object.values(components.schemas ?? {})) normalizeSchema(schema);
  for (const param of Object.values(components.parameters ?? {})) normalizeParameterLike(param);
  for (const header of Object.values(components.headers ?? {})) normalizeParameterLike(header);
  for (const response of Object.values(components.responses ?? {})) normalizeResponse(response);
  for (const body of Object.values(components.requestBodies ?? {})) normalizeContent(body.content);
  for (const item of Object.values((document.paths ?? {}) as Record<string, JsonObject>)) {
    for (const p of (item.parameters as JsonObject[] | undefined) ?? []) normalizeParameterLike(p);
    for (const method of HTTP_METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (!op) continue;
      for (const p of (op.parameters as JsonObject[] | undefined) ?? []) normalizeParameterLike(p);
      const body = op.requestBody as JsonObject | undefined;
      if (body) normalizeContent(body.content);
      for (const r of Object.values((op.responses ?? {}) as Record<string, JsonObject>)) normalizeResponse(r);
    }
  }
}

function normalizeParameterLike(p: JsonObject): void {
  if (p && typeof p === 'object' && p.schema && typeof p.schema === 'object') normalizeSchema(p.schema as JsonObject);
}

function normalizeResponse(r: JsonObject): void {
  if (!r || typeof r !== 'object') return;
  normalizeContent(r.content);
  for (const h of Object.values((r.headers ?? {}) as Record<string, JsonObject>)) normalizeParameterLike(h);
}

function normalizeContent(content: Json | undefined): void {
  if (!content || typeof content !== 'object' || Array.isArray(content)) return;
  for (const media of Object.values(content)) {
    if (media && typeof media === 'object' && !Array.isArray(media) && media.schema && typeof media.schema === 'object') {
      normalizeSchema(media.schema as JsonObject);
    }
  }
}

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

function normalizeSchema(schema: JsonObject): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  if (typeof schema.$ref === 'string') return; // OpenAPI 3.0: siblings of $ref are ignored
  const props = schema.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    for (const sub of Object.values(props)) normalizeSchema(sub as JsonObject);
  }
  for (const key of ['items', 'not', 'additionalProperties'] as const) {
    const sub = schema[key];
    if (sub && typeof sub === 'object' && !Array.isArray(sub)) normalizeSchema(sub);
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) normalizeSchema(sub as JsonObject);
  }

  const nullable = schema.nullable === true;
  delete schema.nullable;
  const enumList = schema.enum;
  // An enum that lists null means "nullable" even when the flag is missing.
  const enumAllowsNull = Array.isArray(enumList) && enumList.includes(null);
  if (!nullable && !enumAllowsNull) return;
  if (Array.isArray(enumList) && !enumAllowsNull) enumList.push(null);
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    return;
  }
  if (Array.isArray(schema.type)) {
    if (!schema.type.includes('null')) schema.type.push('null');
    return;
  }
  // No `type`: the constraints live in anyOf/oneOf/allOf/$ref-less keywords.
  // Wrap them so null is an alternative: {anyOf: [{type: null}, {...rest}]}.
  const rest: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'description' || k === 'title' || k === 'example' || k === 'default') continue;
    rest[k] = v;
    delete schema[k];
  }
  if (Object.keys(rest).length === 0) return; // `{nullable: true}` alone: anything goes
  schema.anyOf = [{ type: 'null' }, rest];
}

// ---------------------------------------------------------------------------
// helpers

/** Turn a query/path string into the declared type so ajv checks the value, not its spelling. */
function coerceParameter(raw: string | string[], schema: JsonObject): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array') {
    const parts = Array.isArray(raw) ? raw : raw === '' ? [] : raw.split(',');
    const items = (schema.items as JsonObject | undefined) ?? {};
    return parts.map((p) => coerceParameter(p, items));
  }
  // A repeated scalar query parameter: GitHub (Rails) keeps the last one.
  const value = Array.isArray(raw) ? (raw[raw.length - 1] ?? '') : raw;
  if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value; // left as a string: ajv reports the type mismatch
}

export function formatError(e: ErrorObject): string {
  const where = e.instancePath ? ` ${e.instancePath}` : '';
  const detail =
    e.keyword === 'enum'
      ? `${e.message} ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`
      : e.keyword === 'additionalProperties'
        ? `${e.message}: "${(e.params as { additionalProperty?: string }).additionalProperty}"`
        : e.message;
  return `${where}: ${detail}`;
}

/**
 * GitHub's wording for a schema failure (its 422 "Invalid request." bodies),
 * so clients that surface GitHub's message show what they would in production.
 */
export function githubSchemaMessage(problem: RequestProblem): string {
  const e = problem.error;
  if (!e) return `${problem.label.replace(/^.* parameter /, '')} wasn't supplied.`;
  const params = e.params as Record<string, unknown>;
  const where = e.instancePath ? `properties/${e.instancePath.split('/').filter(Boolean).join('/properties/')}` : problem.label;
  const value = JSON.stringify(problem.value);
  switch (e.keyword) {
    case 'required':
      return `"${String(params.missingProperty)}" wasn't supplied.`;
    case 'maxLength':
      return `Only ${String(params.limit)} characters are allowed; ${typeof problem.value === 'string' ? [...problem.value].length : '?'} were supplied.`;
    case 'maxItems':
      return `No more than ${String(params.limit)} items are allowed; ${Array.isArray(problem.value) ? problem.value.length : '?'} were supplied.`;
    case 'enum':
      return `For '${where}', ${value} is not one of [${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}].`;
    case 'type': {
      const t = String(params.type).split(',')[0] ?? '';
      return `For '${where}', ${value} is not ${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}.`;
    }
    default:
      return `For '${where}', ${value} ${e.message ?? 'is invalid'}.`;
  }
}

function atPointer(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolvePointer(document: Json, pointer: string): Json | undefined {
  let current: Json | undefined = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
