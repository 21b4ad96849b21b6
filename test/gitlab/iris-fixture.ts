/**
 * The repository the GitLab pipeline tests run: this project's components
 * (templates/), examples/iris with its .gitlab-ci.yml, and dist/ as built (the
 * pipeline's `cli` runs it), committed on main with an `origin` that names
 * the project acme/mlops-ci, so gitlab-ci-local reads the components from the
 * checkout. The example's scikit-learn training is replaced by a stand-in
 * with the same arguments and fixed metrics, and its env by the setup-env
 * tests' small uv project: the subject is the pipeline, not the model
 * (test/demo runs the real one).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../support/bundle.js';
import { FIXTURES } from '../setup-env/support.js';

export const PIPELINE = 'examples/iris/.gitlab-ci.yml';
export const PROJECT_PATH = 'acme/mlops-ci';

/**
 * train.py's arguments and outputs (metrics.json, correct.json over the 45
 * test rows, a model file), fixed accuracies, and the env's own package, so
 * a run that did not use the env setup-env built fails.
 */
const TRAIN_STAND_IN = `"""Stand-in for train.py in the GitLab pipeline tests: same arguments, fixed metrics."""
import argparse, json, os
import dateutil  # from the env setup-env built: the job must run its python
parser = argparse.ArgumentParser()
for name in ("--model", "--data", "--out"):
    parser.add_argument(name, required=True)
args = parser.parse_args()
ACCURACY = {"rf": 0.9778, "gb": 0.9556}
accuracy = ACCURACY[args.model]
rows = sum(1 for _ in open(os.path.join(args.data, "iris.csv"))) - 1
os.makedirs(args.out, exist_ok=True)
correct = [1 if row < round(accuracy * 45) else 0 for row in range(45)]
json.dump({"model": args.model, "accuracy": accuracy, "f1": {"macro": accuracy}, "rows": rows, "test_rows": 45}, open(os.path.join(args.out, "metrics.json"), "w"))
json.dump(correct, open(os.path.join(args.out, "correct.json"), "w"))
open(os.path.join(args.out, "model.txt"), "w").write(args.model + "\\n")
`;
const GOOD_ACCURACY = 'ACCURACY = {"rf": 0.9778, "gb": 0.9556}';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** The test repository, on main. */
export function pipelineRepo(): string {
  const dir = tempDir('gitlab-iris-');
  const tracked = execFileSync('git', ['ls-files', '-z', '--', 'templates', 'examples/iris'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  const example = path.join(dir, 'examples', 'iris');
  rmSync(path.join(example, 'requirements.txt'));
  cpSync(path.join(FIXTURES, 'uv'), example, { recursive: true });
  writeFileSync(path.join(example, 'train.py'), TRAIN_STAND_IN);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  // The project gitlab-ci-local derives CI_PROJECT_PATH from; origin/HEAD names the default branch.
  git(dir, 'remote', 'add', 'origin', `https://gitlab.example.com/${PROJECT_PATH}.git`);
  git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return dir;
}

/** A merge request's branch off main, with its change committed and checked out; returns its head sha. */
export function mergeRequestBranch(repo: string, branch: string, change?: (repo: string) => void): string {
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'checkout', '-qb', branch);
  change?.(repo);
  git(repo, 'commit', '-qam', `the change of ${branch}`, '--allow-empty');
  return git(repo, 'rev-parse', 'HEAD');
}

/** The change of a worse model: both candidates fall below the gate's floors. */
export function degradeTraining(repo: string): void {
  const trainPy = path.join(repo, 'examples', 'iris', 'train.py');
  const source = readFileSync(trainPy, 'utf8');
  if (!source.includes(GOOD_ACCURACY)) throw new Error(`${trainPy} no longer has the line the fixture degrades`);
  writeFileSync(trainPy, source.replace(GOOD_ACCURACY, 'ACCURACY = {"rf": 0.6, "gb": 0.5}'));
}
