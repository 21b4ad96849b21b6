// Generated from packages/core/src/steps/train-in-container/spec.ts by `npm run generate`. Do not edit.
// The GitHub action entrypoint of train-in-container: the shared bundle, told which step to run.
import { runAction } from './mlops-ci.js';
await runAction('train-in-container');
