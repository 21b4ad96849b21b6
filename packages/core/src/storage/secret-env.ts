/**
 * The credentials store clients read from a step's environment, as texts to
 * mask. The step runner masks them before any step plans, so no step (a
 * setup-env with an azure:// cache-url as much as data-pull) can print one
 * through a client's message.
 */
import { azureSecrets } from './azure/credentials.js';

/**
 * Variables whose whole value is a secret: the AWS SDK's (s3://) and MLflow's
 * (mlflow+http registries). Azure's come from azureSecrets, which also finds
 * the parts of a connection string a message could quote alone.
 * GOOGLE_APPLICATION_CREDENTIALS names a file, not a secret.
 */
const SECRET_ENV = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'MLFLOW_TRACKING_TOKEN', 'MLFLOW_TRACKING_PASSWORD'] as const;

/** Every store secret in `env`, whole and in the parts a message may quote; empty values are left out. */
export function storeSecrets(env: Readonly<NodeJS.ProcessEnv>): string[] {
  const whole = SECRET_ENV.map((name) => env[name]?.trim()).filter((value): value is string => value !== undefined && value !== '');
  return [...new Set([...whole, ...azureSecrets(undefined, env)])];
}
