import { words } from '../util/vocabulary.js';
import { ConfigurationError, EnvironmentError, errorMessage } from '../util/errors.js';
import { storeTimeouts } from './s3-client.js';

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  /** The raw answer the SDK attaches to a service error (@smithy/core's ServiceException). */
  $response?: { headers?: Record<string, string | undefined> };
  message?: string;
}

export function s3ErrorCode(err: unknown): string {
  const e = err as SdkErrorShape;
  return e?.Code ?? e?.name ?? e?.code ?? 'Error';
}

export function s3Status(err: unknown): number | undefined {
  return (err as SdkErrorShape)?.$metadata?.httpStatusCode;
}

export function isNotFound(err: unknown): boolean {
  const code = s3ErrorCode(err);
  return code === 'NoSuchKey' || code === 'NotFound' || code === 'NoSuchVersion' || s3Status(err) === 404;
}

/** Node's codes for a server certificate it does not accept (tls.connect's verification). */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Turns the SDK's errors into one message a person can act on. User-fixable problems become
 * ConfigurationErrors (wrong keys, missing bucket, unreachable endpoint); the rest pass through
 * with the operation named.
 */
export function explainS3Error(err: unknown, operation: string, where: string): Error {
  const code = s3ErrorCode(err);
  const status = s3Status(err);
  const message = errorMessage(err);
  if (err instanceof ConfigurationError) return err;
  if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new ConfigurationError(
      `No S3 credentials were found for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ` +
        `(static keys for R2, Spaces, B2 or MinIO), or use aws-actions/configure-aws-credentials for AWS (OIDC).`,
    );
  }
  if (code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch' || code === 'InvalidToken') {
    return new ConfigurationError(
      `${where} rejected the credentials (${code}) during ${operation}: check AWS_ACCESS_KEY_ID, ` +
        `AWS_SECRET_ACCESS_KEY and that the endpoint and region belong to the same account.`,
    );
  }
  if (code !== 'AccessDenied' && status === 403) {
    // a HEAD answer has no body, so no error code: wrong keys and missing permission look alike
    return new ConfigurationError(
      `Access denied during ${operation} on ${where} (HTTP 403 without an error code): either the credentials are wrong ` +
        `(check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and that the endpoint and region belong to the same account) ` +
        `or they need permission for it (see ${words().policy()}).`,
    );
  }
  if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) {
    return new ConfigurationError(
      `Access denied during ${operation} on ${where}: the credentials need permission for it ` +
        `(see ${words().policy()}).`,
    );
  }
  if (code === 'NoSuchBucket') {
    return new ConfigurationError(
      `The bucket ${where} does not exist (${operation}): create it with versioning enabled, or fix ${words().name('bucket')}, ${words().name('endpoint')} and ${words().name('region')}.`,
    );
  }
  if (isStall(err))
    return new EnvironmentError(storeStalledMessage(where, operation, /did not establish/.test(message)));
  const tls = (err as SdkErrorShape)?.code;
  if (tls && UNTRUSTED_CERTIFICATE.has(tls)) {
    // Node reads NODE_EXTRA_CA_CERTS once, at start, and only warns when it cannot read the file
    const extra = process.env.NODE_EXTRA_CA_CERTS;
    const ca = extra
      ? `NODE_EXTRA_CA_CERTS names ${extra}, which does not hold the certificate authority that signed it (or ` +
        'could not be read: Node then ignores it with a warning at start); give there the PEM file of the CA that ' +
        "signed the store's certificate"
      : "a store with its own certificate authority needs that CA's certificate file in NODE_EXTRA_CA_CERTS on the runner";
    return new EnvironmentError(
      `The TLS certificate of ${where} was refused during ${operation} (${tls}: ${message}): ${ca}; ` +
        `otherwise check ${words().option('endpoint')} (its host name must be the certificate's) and the runner's clock.`,
    );
  }
  if (status !== undefined && REDIRECTS.has(status))
    return redirected(err as SdkErrorShape, status, operation, where);
  const net = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EPIPE|getaddrinfo|socket hang up/i.exec(
    message,
  );
  if (net) {
    return new EnvironmentError(
      `Cannot reach ${where} during ${operation} (${net[0]}): check ${words().option('endpoint')} and the network.`,
    );
  }
  return new Error(
    `${operation} on ${where} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${message}`,
  );
}

/** HTTP redirects: S3 clients (the SDK, the AWS CLI, rclone) never follow them. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The endpoint answered with a redirect: an http address of a store that only speaks https, a
 * host name that moved, or (AWS S3's 301 PermanentRedirect) a bucket in another region. No
 * request was carried out; the fix is the address or region the answer names. Only the target's
 * origin is shown: its path and query are the request's own.
 */
function redirected(
  err: SdkErrorShape,
  status: number,
  operation: string,
  where: string,
): ConfigurationError {
  const headers = err.$response?.headers ?? {};
  const region = headers['x-amz-bucket-region'];
  let origin: string | undefined;
  try {
    if (headers.location) origin = new URL(headers.location).origin;
  } catch {
    origin = undefined;
  }
  const w = words();
  const fix = [
    ...(origin ? [`set ${w.option('endpoint')} to ${origin}`] : []),
    ...(region
      ? [`set ${w.option('region')} to ${region} (the bucket's region, which the store named)`]
      : []),
  ];
  return new ConfigurationError(
    `${where} answered ${operation} with a redirect (HTTP ${status}${origin ? ` to ${origin}` : ''}), which S3 clients do not ` +
      `follow: nothing was done there. ${fix.length > 0 ? `To fix it, ${fix.join(' and ')}.` : `Check ${w.option('endpoint')} and ${w.option('region')}: give the store's own address, with https:// when it serves https.`}`,
  );
}

/**
 * The SDK gave up waiting on the store (its connection or idle timeout, or the system's TCP
 * timeout, after every attempt). The SDK also names a reset connection (ECONNRESET, EPIPE)
 * "TimeoutError": that is a cut, not a stall, and is explained as one.
 */
export function isStall(err: unknown): boolean {
  const errno = (err as { code?: unknown })?.code;
  return s3ErrorCode(err) === 'TimeoutError' && (errno === undefined || errno === 'ETIMEDOUT');
}

/**
 * The store accepted no connection, or stopped sending and receiving, on every attempt: an
 * environment fault (nothing is wrong with any archive), said with the figures that ended the wait.
 */
export function storeStalledMessage(where: string, operation: string, noConnection: boolean): string {
  const { connectMs, idleMs, maxAttempts } = storeTimeouts();
  const what = noConnection
    ? `accepted no connection within ${connectMs / 1000} s`
    : `moved no byte for ${idleMs / 1000} s`;
  return (
    `${where} stopped answering during ${operation}: it ${what}, on each of ${maxAttempts} attempts. ` +
    `The store is unreachable or overloaded: check the 'endpoint' input, the provider's status page and the network, then run again.`
  );
}

/**
 * An error of a download's body stream, once the object's head arrived: the transfer stalled or
 * was cut. Always the store's or the network's fault, never the archive's.
 */
export function explainBodyError(err: unknown, where: string, key: string): EnvironmentError {
  if (isStall(err)) {
    return new EnvironmentError(
      `${where} stopped sending ${key} mid-download: no byte moved for ${storeTimeouts().idleMs / 1000} s. ` +
        `The store is unreachable or overloaded: check the provider's status page and the network, then run again.`,
    );
  }
  return new EnvironmentError(
    `The download of ${key} from ${where} was cut mid-transfer (${s3ErrorCode(err)}: ${errorMessage(err)}): ` +
      `the network or the store failed; run again.`,
  );
}
