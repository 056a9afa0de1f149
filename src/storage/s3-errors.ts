import { ConfigurationError, errorMessage } from '../util/errors.js';

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
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
        `or they need permission for it (see the IAM policy in the action's README).`,
    );
  }
  if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) {
    return new ConfigurationError(
      `Access denied during ${operation} on ${where}: the credentials need permission for it ` +
        `(see the IAM policy in the action's README).`,
    );
  }
  if (code === 'NoSuchBucket') {
    return new ConfigurationError(
      `The bucket of ${where} does not exist (${operation}): create it with versioning enabled, or fix the 'bucket' input.`,
    );
  }
  const net = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|getaddrinfo|socket hang up/i.exec(
    message,
  );
  if (net) {
    return new Error(
      `Cannot reach ${where} during ${operation} (${net[0]}): check the 'endpoint' input and the network.`,
    );
  }
  return new Error(
    `${operation} on ${where} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${message}`,
  );
}
