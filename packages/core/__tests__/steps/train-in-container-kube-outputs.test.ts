/**
 * After a Job completed, what its pods wrote under the outputs prefix comes
 * back; nothing there is warned about with the exact prefix the pods were
 * told, since a wrong `outputs-url` is otherwise only seen as an empty
 * `outputs` later. A local folder stands in for the S3 prefix (the same
 * store interface; S3 itself is covered in test/train-in-container).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchOutputs } from '../../src/steps/train-in-container/kubernetes.js';
import { quietHost } from '../support/quiet-host.js';

function setUp(files: Readonly<Record<string, string>>): { url: string; staged: { folder: string; outputs: string }; warnings: string[]; host: ReturnType<typeof quietHost> } {
  const root = mkdtempSync(path.join(tmpdir(), 'mlops-kube-outputs-'));
  const prefix = path.join(root, 'prefix');
  mkdirSync(prefix);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(prefix, name), text);
  const staged = { folder: path.join(root, '.staged'), outputs: path.join(root, 'outputs') };
  mkdirSync(staged.folder);
  const warnings: string[] = [];
  const host = { ...quietHost({ cwd: root }), warning: (message: string) => void warnings.push(message) };
  return { url: pathToFileURL(prefix).href, staged, warnings, host };
}

test('files under the prefix land in the staging folder, without a warning', async () => {
  const { url, staged, warnings, host } = setUp({ 'model.pkl': 'm', 'metrics.json': '{}' });
  expect(await fetchOutputs(url, staged, host)).toBe(2);
  expect(warnings).toEqual([]);
});

test('a completed Job that wrote nothing under the prefix is warned about, naming outputs-url and the exact prefix', async () => {
  const { url, staged, warnings, host } = setUp({});
  expect(await fetchOutputs(url, staged, host)).toBe(0);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(`wrote nothing under ${url}, the prefix its pods were told as MLOPS_OUTPUT_URL (from the input 'outputs-url')`);
});
