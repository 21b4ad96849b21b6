/**
 * Credentials a step's libraries read from the environment on their own (the
 * AWS SDK's default chain), not through an input. A spec lists the ones its
 * step can use (`envCredentials`); the Jenkins shim then takes a credentials id
 * for each (`awsCredentialsId: 'aws'`) and binds it to these variables. Plain
 * data, like the specs: the generator and the help read it without step code.
 */

/** A Jenkins "Username with password" credential, bound to two variables. */
export interface UsernamePasswordCredential {
  readonly kind: 'usernamePassword';
  readonly usernameVariable: string;
  readonly passwordVariable: string;
  /** What the credential is for, in markdown, for the generated help. */
  readonly description: string;
}

export const ENV_CREDENTIALS = {
  aws: {
    kind: 'usernamePassword',
    usernameVariable: 'AWS_ACCESS_KEY_ID',
    passwordVariable: 'AWS_SECRET_ACCESS_KEY',
    description:
      'A Username with password credential (access key id, secret access key) for S3 and S3-compatible stores, bound to `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, which the AWS SDK reads. Without it: the agent’s own AWS credentials (environment, profile, instance role).',
  },
} as const satisfies Readonly<Record<string, UsernamePasswordCredential>>;

/** The name of an environment credential a spec may list: `aws`. */
export type EnvCredential = keyof typeof ENV_CREDENTIALS;
