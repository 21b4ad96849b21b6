import { mlflowAuthFromEnv } from '../../src/registry/mlflow-registry.js';

describe('mlflowAuthFromEnv: the credentials MLflow’s own clients read', () => {
  test('a token is a bearer header and wins over a user and password', () => {
    expect(mlflowAuthFromEnv({ MLFLOW_TRACKING_TOKEN: 't0k', MLFLOW_TRACKING_USERNAME: 'u', MLFLOW_TRACKING_PASSWORD: 'p' })).toBe('Bearer t0k');
  });
  test('a user and a password make basic auth', () => {
    expect(mlflowAuthFromEnv({ MLFLOW_TRACKING_USERNAME: 'ci', MLFLOW_TRACKING_PASSWORD: 's3cret' })).toBe(`Basic ${Buffer.from('ci:s3cret').toString('base64')}`);
  });
  test('nothing, or half of a pair, sends no header', () => {
    expect(mlflowAuthFromEnv({})).toBeNull();
    expect(mlflowAuthFromEnv({ MLFLOW_TRACKING_USERNAME: 'ci' })).toBeNull();
  });
});
