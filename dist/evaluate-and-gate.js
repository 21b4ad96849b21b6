// Generated from packages/core/src/steps/evaluate-and-gate/spec.ts by `npm run generate`. Do not edit.
// The GitHub action entrypoint of evaluate-and-gate: the shared bundle, told which step to run.
import { runAction } from './mlops-ci.js';
await runAction('evaluate-and-gate');
