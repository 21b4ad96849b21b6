/**
 * `s3://` URLs, apart from the S3 store itself: code that only checks or
 * splits a URL (a step's plan) must not load the AWS SDK that `s3.ts` imports.
 */

/** `s3://bucket/prefix` → bucket and prefix (prefix without a leading `/`). */
export function parseS3Url(url: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
  if (!match?.[1]) return undefined;
  return { bucket: match[1], prefix: match[2] ?? '' };
}

/** S3's rule for a bucket name: 3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit. */
export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name);
}
