/**
 * Hostile input files through the bundle: a named pipe, a device, a sparse
 * 1 GiB file, a symlink to a secret, a million rows of scores. Each ends at
 * once with exit 2 and one `error:` line naming the input; nothing hangs,
 * nothing is read whole, no secret is printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBundle, tempDir } from '../support/bundle.js';

const SECRET = 'ghp_R2d2C3poXwingTIEfighter0123456789';

function project(): string {
  const dir = tempDir('gate-files-');
  mkdirSync(path.join(dir, 'out', 'rf'), { recursive: true });
  writeFileSync(path.join(dir, 'out', 'rf', 'metrics.json'), JSON.stringify({ accuracy: 0.95 }));
  writeFileSync(path.join(dir, 'prod.json'), JSON.stringify({ accuracy: 0.9 }));
  writeFileSync(path.join(dir, 'scores.json'), JSON.stringify([1, 0, 1, 1]));
  execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
  writeFileSync(path.join(dir, 'huge.json'), '');
  truncateSync(path.join(dir, 'huge.json'), 1024 ** 3);
  writeFileSync(path.join(dir, 'credentials'), `${SECRET}\n`);
  symlinkSync(path.join(dir, 'credentials'), path.join(dir, 'linked.json'));
  writeFileSync(path.join(dir, 'million.json'), `[${'1,'.repeat(999_999)}1]`);
  return dir;
}

const statistical = ['--rules', 'accuracy >= baseline.accuracy @ 95%', '--baseline', 'prod.json'];

test.each<[string, string[], string]>([
  ['a FIFO as metrics', ['--metrics', 'pipe.json', '--rules', 'accuracy >= 0.9'], "input 'metrics': cannot read metrics file 'pipe.json': it is a named pipe (FIFO), not a regular file"],
  ['a FIFO as rules-file', ['--metrics', 'out/rf/metrics.json', '--rules-file', 'pipe.json'], "input 'rules-file': cannot read rules file 'pipe.json': it is a named pipe (FIFO), not a regular file"],
  ['a FIFO as samples', ['--metrics', 'out/rf/metrics.json', ...statistical, '--samples', 'rf=pipe.json\nbaseline=scores.json'], "input 'samples': cannot read samples file 'pipe.json': it is a named pipe (FIFO), not a regular file"],
  ['/dev/zero as the baseline', ['--metrics', 'out/rf/metrics.json', '--rules', 'accuracy >= baseline.accuracy', '--baseline', '/dev/zero'], "input 'baseline': cannot read baseline file '/dev/zero': it is a device, not a regular file"],
  ['a 1 GiB metrics file', ['--metrics', 'huge.json', '--rules', 'accuracy >= 0.9'], "input 'metrics': cannot read metrics file 'huge.json': it is 1 GiB, more than the 16 MiB a metrics file may be"],
  ['a metrics file that is a symlink to a token', ['--metrics', 'linked.json', '--rules', 'accuracy >= 0.9'], "linked.json:1:1: input 'metrics': metrics file 'linked.json' is not valid JSON: line 1, column 1: expected a JSON value, found '***'"],
  ['a million scores', ['--metrics', 'out/rf/metrics.json', ...statistical, '--samples', 'rf=million.json\nbaseline=million.json'], "input 'samples': samples file 'million.json' holds more than 100,000 per-example scores"],
])('%s: exit 2 at once, one error line naming the input', async (_name, args, message) => {
  const dir = project();
  const run = await runBundle(['evaluate-and-gate', ...args], { cwd: dir });
  expect(run.code).toBe(2);
  const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`error: ${message}`);
  expect(run.stdout + run.stderr).not.toContain(SECRET);
});
