/**
 * Credentials users put in URLs (`https://user:token@host`, `?access_token=…`)
 * end up in messages the tool prints: an input quoted back in an error, an
 * HTTP client's error naming the request URL. Hosts pass every line they
 * print through redactUrlCredentials, so no caller has to remember.
 */

/** `scheme://userinfo@`: everything between `://` and the last `@` before the path (a password may hold a raw `@`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]+@/gi;

/**
 * A query parameter whose name says it holds a credential (`token`,
 * `access_token`, `api_key`, `X-Amz-Signature`, `sig`, `password`, …).
 */
const CREDENTIAL_PARAM = /([?&;][^=&;#\s]*(?:token|key|secret|password|passwd|pwd|sig|signature|credential|auth)[^=&;#\s]*=)[^&;#\s'"]+/gi;

export const REDACTED = '***';

/** The text with URL userinfo and credential-like query values replaced by `***`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_PARAM, `$1${REDACTED}`);
}
