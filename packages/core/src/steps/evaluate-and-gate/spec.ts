import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../../metrics/bootstrap.js';
import type { StepSpec } from '../../spec/types.js';

export const evaluateAndGateSpec = {
  name: 'evaluate-and-gate',
  jenkinsVar: 'mlopsGate',
  description: 'Compare candidate models with rules and a baseline, pick the best, and report the verdict to the pull or merge request.',
  branding: { icon: 'check-circle', color: 'green' },
  jenkinsArgs: [
    {
      name: 'onGateFail',
      default: 'unstable',
      description: 'What a gate that did not pass (exit 3) does to the build: `unstable` (the var returns the outputs) or `error`.',
    },
    {
      name: 'description',
      type: 'boolean',
      default: 'true',
      description: 'Add the verdict to `currentBuild.description` (after what is there), e.g. `gate passed — best: rf` or `gate failed: rf: accuracy >= 0.95`. `false`: leave the description alone.',
    },
  ],
  envCredentials: ['aws'],
  jenkinsNote: {
    text: "The HTML report (`report-html`) shows in Jenkins once it is in the workspace: `archiveArtifacts` links it on the build page, the HTML Publisher plugin's `publishHTML` adds a tab. Both take paths relative to the workspace, so give the one you chose, not the `report-html` output (an absolute path). Jenkins serves both under its Content-Security-Policy, which drops the page's stylesheet by default: the report stays readable (borders and chart colours are attributes), only plainer, unless a Resource Root URL is set (Manage Jenkins → Security).",
    groovy: [
      "String reportHtml = 'gate-report.html'",
      "def gate = mlopsGate(metrics: ['rf=out/rf/metrics.json'], rules: 'accuracy >= 0.9', reportHtml: reportHtml)",
      'archiveArtifacts artifacts: reportHtml',
      "publishHTML(target: [reportDir: '.', reportFiles: reportHtml, reportName: 'Gate report',",
      '                     keepAll: true, alwaysLinkToLastBuild: false, allowMissing: false])',
    ].join('\n'),
  },
  inputs: [
    {
      name: 'metrics',
      type: 'list',
      required: true,
      description:
        'Candidate metric files (JSON, YAML or TOML; nested keys flatten with dots), one per line, as paths or globs, each optionally named `name=path`. The default name is the parent folder (or the file stem).',
      example: 'rf=out/rf/metrics.json',
    },
    {
      name: 'rules',
      type: 'text',
      description:
        'One rule per line: `<metric> <op> <number | baseline.<metric> [+|- number]> [@ <confidence>%]`, ops `>= > <= < == !=`. `#` starts a comment. A rule naming a metric no candidate has is an error.',
      example: 'accuracy >= 0.9',
    },
    {
      name: 'rules-file',
      type: 'string',
      description: 'A file of rules in the same syntax (e.g. `gate.rules` kept in the repository, so a workflow, a Jenkinsfile and a terminal share one set).',
      example: 'gate.rules',
    },
    {
      name: 'baseline',
      type: 'string',
      description:
        'Metrics of the current model: a file path, `git:<ref>:<path>` (a ref the clone lacks, as after a depth-1 checkout, is fetched from its remote), or `registry:<model>@<alias>[:<registry-url>]` (the metrics stored with that version by promote-model). Only a file absent at an existing ref (or path) and a model with no version yet count as no baseline: then rules using `baseline.*` are skipped, the headline says so, and `on-missing-baseline` decides. An unknown ref, an alias the model does not have, or a version without metrics is an error.',
      example: 'git:origin/main:metrics.json',
    },
    {
      name: 'on-missing-baseline',
      type: 'choice',
      choices: ['pass', 'fail'],
      default: 'pass',
      description: 'What a skipped baseline rule means for the verdict when there is no baseline: `pass` or `fail`.',
    },
    {
      name: 'samples',
      type: 'list',
      description:
        'Per-example scores for the statistical rules (`@ 95%`): one `name=file` per line for each candidate and for `baseline`; a file is a JSON array or a CSV column (`file.csv#column`). Same evaluation rows, same order. With a `registry:` baseline, `baseline=registry:<file>` reads that file of the baseline version (as promote-model stored it); none yet: skipped. At most 100,000 scores per series (a 64 MiB file).',
      example: 'baseline=out/prod/correct.json',
    },
    {
      name: 'bootstrap-resamples',
      type: 'number',
      default: String(DEFAULT_RESAMPLES),
      min: 100,
      max: 1_000_000,
      integer: true,
      description: 'Resamples of the paired bootstrap behind `@ <confidence>%` rules. Rows × resamples may be at most 10^9 per candidate.',
    },
    {
      name: 'bootstrap-seed',
      type: 'number',
      default: String(DEFAULT_SEED),
      integer: true,
      description: 'Seed of the bootstrap, so a rerun gives the same interval.',
    },
    {
      name: 'select',
      type: 'string',
      description: '`max:<metric>` or `min:<metric>`: the best candidate among those that pass every rule; ties are broken by name.',
      example: 'max:accuracy',
    },
    {
      name: 'on-fail',
      type: 'choice',
      choices: ['fail', 'warn'],
      default: 'fail',
      description: '`fail`: exit 3 when the gate does not pass (Jenkins: unstable or error, as the var is told). `warn`: exit 0, the verdict is in the outputs.',
    },
    {
      name: 'github-token',
      type: 'string',
      secret: true,
      githubOnly: true,
      githubDefault: '${{ github.token }}',
      envFallback: 'GITHUB_TOKEN',
      description: 'Token for the commit status, check run and PR comment. Without one the gate still runs and says it did not report.',
    },
    {
      name: 'github-api-url',
      type: 'string',
      githubOnly: true,
      envFallback: 'GITHUB_API_URL',
      description: 'REST API base URL (GitHub Enterprise Server: `https://HOST/api/v3`). Defaults to `GITHUB_API_URL`, else https://api.github.com.',
    },
    {
      name: 'status-context',
      type: 'string',
      default: 'mlops-ci/gate',
      description: 'Name of the commit status (and check run); also keys the sticky comment, so two gates on one pull or merge request keep two comments.',
    },
    {
      name: 'check-run',
      type: 'boolean',
      githubOnly: true,
      default: 'false',
      description: 'Also create a check run with the report (needs a GitHub App token or GITHUB_TOKEN; a personal token gets a warning).',
    },
    {
      name: 'comment',
      type: 'choice',
      choices: ['sticky', 'new', 'off'],
      default: 'sticky',
      description: 'Comment with the report on the pull request (GitLab: a note on the merge request): `sticky` updates one comment in place, `new` adds one per run, `off` posts none.',
    },
    {
      name: 'report',
      type: 'string',
      gitlabDefault: 'gate-report.md',
      description: 'Where to write the markdown report. Defaults to a file in the runner temp folder (see the `report` output).',
    },
    {
      name: 'report-html',
      type: 'string',
      gitlabDefault: 'gate-report.html',
      description:
        'Where to write the report as a standalone HTML page (tables, and the chart as an inline SVG; no scripts). On Jenkins give a path in the workspace for `publishHTML` or `archiveArtifacts`. Defaults to a file beside the report.',
      example: 'gate-report.html',
    },
    {
      name: 'junit',
      type: 'string',
      gitlabDefault: 'gate-junit.xml',
      description: 'Where to write JUnit XML (one testcase per rule per candidate), for Jenkins `junit` or test reporters. Not written when empty.',
      example: 'gate-junit.xml',
    },
    {
      name: 'results-file',
      type: 'string',
      gitlabDefault: 'gate-results.json',
      description: 'Where to write the results JSON (promote-model reads it as `gate-results`). Defaults to a file beside the report.',
    },
  ],
  relations: [{ exclusive: ['rules', 'rules-file'], required: true }],
  outputs: [
    { name: 'passed', type: 'boolean', description: '`true` when every rule passed for at least one candidate and a best one was chosen, else `false`.' },
    { name: 'best', description: 'Name of the best passing candidate; empty when none passed.' },
    { name: 'best-metrics', description: 'Path of the best candidate’s metrics file; empty when none passed.' },
    { name: 'report', description: 'Path of the markdown report.' },
    { name: 'report-html', description: 'Path of the HTML report.' },
    { name: 'results', type: 'json', description: 'The verdict as JSON: `{"passed", "best", "candidates": {name: {"passed", "rules": [...]}}}`.' },
    { name: 'results-file', description: 'Path of a file holding the same JSON.' },
  ],
  example: {
    metrics: 'rf=out/rf/metrics.json\ngb=out/gb/metrics.json',
    rules: 'accuracy >= 0.9\nf1 >= baseline.f1 - 0.01',
    baseline: 'git:origin/main:metrics.json',
    select: 'max:accuracy',
  },
} as const satisfies StepSpec;
