// Generated from packages/core/src/steps/setup-env/spec.ts by `npm run generate`. Do not edit.
// The GitHub action entrypoint of setup-env: the shared bundle, told which step to run.
import { runAction } from './mlops-ci.js';
await runAction('setup-env');
