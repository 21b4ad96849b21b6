import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { InputError } from '../errors.js';
import { findDvcRoot } from './dvc-config.js';
import type { HashName } from './hashing.js';
import { isInside, realPathOf } from './safe-path.js';

/** One tracked output of a `.dvc` file or a `dvc.lock` stage, as data-pull needs it. */
export interface DvcOut {
  /** The `.dvc`/`dvc.lock` file and line it comes from, for messages. */
  readonly origin: string;
  /** Where the out lives in the workspace (absolute); checked to be inside `repoRoot` (or the DVC file's folder). */
  readonly path: string;
  /**
   * The DVC repository of the DVC file (the folder holding `.dvc/config`),
   * where its remotes are configured; undefined when the file is in none.
   */
  readonly repoRoot: string | undefined;
  /** The hash without `.dir`. */
  readonly md5: string;
  readonly isDir: boolean;
  /** 3.x outs say `hash: md5`; 2.x outs (no `hash:`) are `md5-dos2unix`. */
  readonly hashName: HashName;
  readonly size?: number;
  readonly nfiles?: number;
  /** A remote named on the out itself (`remote: name`), which wins over the default. */
  readonly remote?: string;
}

const MD5_OUT = /^([0-9a-f]{32})(\.dir)?$/;

/**
 * Reads the outs of a `.dvc` file, or of a `dvc.lock` (all stages, or those
 * named after a colon: `dvc.lock:train,eval`). Anything that does not parse
 * or lacks what a pull needs is an InputError naming the file and line.
 */
export async function readDvcOuts(spec: string, cwd: string, input = 'dvc'): Promise<DvcOut[]> {
  const { file, stages } = splitStages(spec);
  const absolute = path.resolve(cwd, file);
  const text = await readFile(absolute, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new InputError(input, `cannot read ${file}: ${err.code ?? err.message}`);
  });
  const lines = new LineCounter();
  // The failsafe schema keeps every scalar a string: an md5 of digits (and one `e`) must not become a number.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
  const fail = (node: Node | null | undefined, message: string): never => {
    const line = node?.range ? lines.linePos(node.range[0]).line : 1;
    throw new InputError(input, `${file}:${line}: ${message}`);
  };
  const parseError = doc.errors[0];
  if (parseError) {
    const line = parseError.linePos?.[0]?.line ?? 1;
    throw new InputError(input, `${file}:${line}: not valid YAML (${parseError.message.split('\n')[0]})`);
  }
  if (!isMap(doc.contents)) fail(doc.contents, 'expected a mapping with `outs:` (.dvc) or `stages:` (dvc.lock)');
  const root = doc.contents as YAMLMap;
  const base = path.dirname(absolute);
  const repoRoot = findDvcRoot(base);
  const isLock = path.basename(file) === 'dvc.lock' || root.has('stages');

  const outNodes: Node[] = [];
  if (isLock) {
    const stagesNode = root.get('stages', true) as Node | undefined;
    if (!isMap(stagesNode)) return fail(stagesNode ?? root, 'a dvc.lock needs a `stages:` mapping');
    const known = stagesNode.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
    for (const wanted of stages) {
      if (!known.includes(wanted)) throw new InputError(input, `${file}: no stage '${wanted}' (stages: ${known.join(', ') || 'none'})`);
    }
    for (const pair of stagesNode.items) {
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (stages.length > 0 && !stages.includes(name)) continue;
      if (!isMap(pair.value)) fail(pair.value as Node, `stage '${name}' is not a mapping`);
      const outs = (pair.value as YAMLMap).get('outs', true) as Node | undefined;
      if (outs === undefined) continue;
      if (!isSeq(outs)) fail(outs, `outs of stage '${name}' must be a list`);
      if (isSeq(outs)) outNodes.push(...(outs.items as Node[]));
    }
  } else {
    if (stages.length > 0) throw new InputError(input, `${file}: only a dvc.lock has stages to name ('${spec}')`);
    const outs = root.get('outs', true) as Node | undefined;
    if (!isSeq(outs)) return fail(outs ?? root, 'a .dvc file needs an `outs:` list');
    outNodes.push(...(outs.items as Node[]));
  }
  return outNodes.map((node) => parseOut(node, base, repoRoot, file, lines, fail));
}

/**
 * An out is written where its path says, so it must stay inside the DVC
 * repository, on real paths: a `../` that climbs out, the repository root
 * itself, or a parent folder that is a symlink leading out are refused (DVC
 * itself writes nothing there). A symlink at the out itself is followed, as
 * DVC does.
 */
function outsideRepo(outPath: string, resolved: string, base: string, repoRoot: string | undefined): string | undefined {
  const bound = repoRoot ?? base;
  const where = repoRoot ? `the DVC repository ${bound}` : `${bound}, the folder of the DVC file (no .dvc/config above it)`;
  if (!isInside(bound, resolved)) return `out '${outPath}' is outside ${where}; refusing to write there`;
  const real = path.join(realPathOf(path.dirname(resolved)), path.basename(resolved));
  if (!isInside(realPathOf(bound), real)) return `out '${outPath}' resolves to ${real} (through a symlink), outside ${where}; refusing to write there`;
  return undefined;
}

function parseOut(node: Node, base: string, repoRoot: string | undefined, file: string, lines: LineCounter, fail: (node: Node | null | undefined, message: string) => never): DvcOut {
  if (!isMap(node)) return fail(node, 'an out must be a mapping with md5 and path');
  const field = (name: string): unknown => {
    const value = node.get(name, true) as Node | undefined;
    return isScalar(value) ? value.value : value === undefined ? undefined : fail(value, `out field '${name}' must be a single value`);
  };
  const outPath = field('path');
  if (typeof outPath !== 'string' || outPath === '') return fail(node, 'an out needs a `path:`');
  if (path.isAbsolute(outPath) || /^[a-z][a-z0-9+.-]*:\/\//i.test(outPath)) return fail(node, `out '${outPath}' is not a workspace path; data-pull pulls only workspace outs`);
  const resolved = path.resolve(base, outPath);
  const outside = outsideRepo(outPath, resolved, base, repoRoot);
  if (outside) return fail(node, outside);
  const md5 = field('md5');
  if (md5 === undefined) return fail(node, `out '${outPath}' has no md5: it was never committed (run dvc commit/push first)`);
  const match = typeof md5 === 'string' ? MD5_OUT.exec(md5) : null;
  if (!match?.[1]) return fail(node, `out '${outPath}': md5 '${String(md5)}' is not an md5 hex digest (optionally with .dir)`);
  const hash = field('hash');
  if (hash !== undefined && hash !== 'md5') return fail(node, `out '${outPath}': hash '${String(hash)}' is not supported (md5 only)`);
  const size = wholeNumber(field('size'));
  const nfiles = wholeNumber(field('nfiles'));
  const remote = field('remote');
  const line = node.range ? lines.linePos(node.range[0]).line : 1;
  return {
    origin: `${file}:${line}`,
    path: resolved,
    repoRoot,
    md5: match[1],
    isDir: match[2] === '.dir',
    hashName: hash === 'md5' ? 'md5' : 'md5-dos2unix',
    ...(typeof size === 'number' ? { size } : {}),
    ...(typeof nfiles === 'number' ? { nfiles } : {}),
    ...(typeof remote === 'string' ? { remote } : {}),
  };
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

function splitStages(spec: string): { file: string; stages: string[] } {
  const match = /^(.*dvc\.lock):([^/\\]+)$/.exec(spec.trim());
  if (!match?.[1] || !match[2]) return { file: spec.trim(), stages: [] };
  return { file: match[1], stages: match[2].split(',').map((s) => s.trim()).filter(Boolean) };
}
