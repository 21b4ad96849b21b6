// Generated from packages/core/src/steps/data-pull/spec.ts by `npm run generate`. Do not edit.
// The GitHub action entrypoint of data-pull: the shared bundle, told which step to run.
import { runAction } from './mlops-ci.js';
await runAction('data-pull');
