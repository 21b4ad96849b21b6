/**
 * The Job's name: a DNS-1123 label made from the run (as a container's name
 * is), short enough that `<job>-<index>` pod hostnames stay within 63, with
 * the random part whole so the jobs of a matrix never collide.
 */
import type { Host } from '../../src/host/types.js';
import { jobName } from '../../src/steps/train-in-container/kubernetes.js';

function hostWith(runUrl: string | undefined, kind = 'local'): Host {
  return { kind, context: { runUrl } } as unknown as Host;
}

test.each([
  ['a terminal run', undefined, /^mlops-train-local-[0-9a-f]{8}$/],
  ['a GitHub run', 'https://github.com/Acme/Repo/actions/runs/123456789/attempts/2', /^mlops-train-acme-repo-123456789-2-[0-9a-f]{8}$|^mlops-train-repo-123456789-2-[0-9a-f]{8}$/],
  ['a Jenkins build with a long job name', `https://ci.example.com/job/${'Very_Long_Folder.Name'.repeat(4)}/job/main/42/`, /^mlops-train-[a-z0-9-]+-[0-9a-f]{8}$/],
])('%s gives a DNS label of at most 52 characters ending in one random part', (_what, runUrl, pattern) => {
  const name = jobName(hostWith(runUrl));
  expect(name).toMatch(pattern);
  expect(name.length).toBeLessThanOrEqual(52);
  expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  expect(name.match(/[0-9a-f]{8}$/)).not.toBeNull();
  expect(name.slice(0, -9)).not.toMatch(/[0-9a-f]{8}$/);
});
