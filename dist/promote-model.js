// Generated from packages/core/src/steps/promote-model/spec.ts by `npm run generate`. Do not edit.
// The GitHub action entrypoint of promote-model: the shared bundle, told which step to run.
import { runAction } from './mlops-ci.js';
await runAction('promote-model');
