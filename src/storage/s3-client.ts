import { S3Client } from '@aws-sdk/client-s3';

export interface ServerSideEncryption {
  sse: 'AES256' | 'aws:kms';
  kmsKeyId?: string;
}

export interface S3Location {
  bucket: string;
  /** Empty for AWS S3 itself; the provider's URL otherwise (R2, Spaces, B2, MinIO, Ceph). */
  endpoint: string;
  region: string;
  forcePathStyle: boolean;
  /** Server-side encryption requested for every object lifeboat writes. */
  serverSideEncryption?: ServerSideEncryption;
  /** Explicit keys (a second provider's); otherwise the standard AWS credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * How long lifeboat waits on a store. Every request must connect within `connectMs`; after that no
 * request or response may go `idleMs` without a byte moving. Progress is judged, not total
 * duration: a long transfer that keeps moving is never cut. Each request is tried `maxAttempts`
 * times (the SDK's standard retry, which retries timeouts), so a store that accepts connections
 * and never answers ends the run within about maxAttempts × idleMs (two minutes), with one message
 * naming the endpoint and the operation (s3-errors.ts).
 */
export const STORE_TIMEOUTS = { connectMs: 10_000, idleMs: 30_000, maxAttempts: 4 } as const;

/**
 * An S3 client that works with every S3 lifeboat supports. The SDK's default flexible checksums
 * send stream bodies as aws-chunked with a trailer, which Ceph RGW (Spaces), R2, B2 and older
 * MinIO reject with 411 MissingContentLength: checksums are only sent where an API requires them.
 */
export function createS3Client(location: S3Location): S3Client {
  return new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: STORE_TIMEOUTS.maxAttempts,
    requestHandler: { connectionTimeout: STORE_TIMEOUTS.connectMs, socketTimeout: STORE_TIMEOUTS.idleMs },
    ...(location.credentials ? { credentials: location.credentials } : {}),
  });
}

export function describeLocation(location: S3Location): string {
  return `s3://${location.bucket}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}

/** The PutObject / CreateMultipartUpload parameters of a server-side encryption setting. */
export function sseParams(sse: ServerSideEncryption | undefined): {
  ServerSideEncryption?: 'AES256' | 'aws:kms';
  SSEKMSKeyId?: string;
} {
  if (!sse) return {};
  return { ServerSideEncryption: sse.sse, ...(sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}) };
}
