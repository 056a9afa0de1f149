import { S3Client } from '@aws-sdk/client-s3';
import { progressAgents } from './progress-agents.js';
import { unsignedArchivePayloadOverTls } from './unsigned-payload.js';

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
 * duration: a long transfer that keeps moving is never cut. The SDK's socketTimeout is an idle
 * timer of the socket, which Node restarts while its own write queue drains and bytes arrive; the
 * bytes of a body that already sit in the kernel's send queue are judged by progress-agents.ts
 * (on Linux by that queue shrinking; elsewhere a bounded allowance). Each request is
 * tried `maxAttempts` times (the SDK's standard retry, which retries timeouts), so a store that
 * accepts connections and never answers ends the run within about maxAttempts × idleMs (two
 * minutes), with one message naming the endpoint and the operation (s3-errors.ts).
 */
export const STORE_TIMEOUTS = { connectMs: 10_000, idleMs: 30_000, maxAttempts: 4 } as const;

/**
 * STORE_TIMEOUTS, with `idleMs` from LIFEBOAT_STORE_IDLE_MS when that is set: a setting for tests
 * only (a slow link must outlast the idle timeout many times over without a test waiting minutes),
 * not an option of lifeboat.
 */
export function storeTimeouts(env: NodeJS.ProcessEnv = process.env): {
  connectMs: number;
  idleMs: number;
  maxAttempts: number;
} {
  const idle = Number(env.LIFEBOAT_STORE_IDLE_MS);
  return Number.isInteger(idle) && idle > 0 ? { ...STORE_TIMEOUTS, idleMs: idle } : STORE_TIMEOUTS;
}

/**
 * An S3 client that works with every S3 lifeboat supports. The SDK's default flexible checksums
 * send stream bodies as aws-chunked with a trailer, which Ceph RGW (Spaces), R2, B2 and older
 * MinIO reject with 411 MissingContentLength: checksums are only sent where an API requires them.
 * Over https the archive's parts are not hashed for the signature (unsigned-payload.ts).
 */
export function createS3Client(location: S3Location): S3Client {
  const timeouts = storeTimeouts();
  const client = new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: timeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: timeouts.connectMs,
      socketTimeout: timeouts.idleMs,
      ...progressAgents(timeouts.idleMs),
    },
    ...(location.credentials ? { credentials: location.credentials } : {}),
  });
  unsignedArchivePayloadOverTls(client);
  return client;
}

export function describeLocation(location: S3Location): string {
  return `s3://${location.bucket}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}

/**
 * One object as a person copies it: `s3://bucket/key at http://host:port` (what `aws s3 cp
 * --endpoint-url` takes), never `s3://bucket at http://host:port/key`, which reads as a URL
 * without the bucket.
 */
export function describeObject(location: S3Location, key: string): string {
  return `s3://${location.bucket}/${key}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}

/** The PutObject / CreateMultipartUpload parameters of a server-side encryption setting. */
export function sseParams(sse: ServerSideEncryption | undefined): {
  ServerSideEncryption?: 'AES256' | 'aws:kms';
  SSEKMSKeyId?: string;
} {
  if (!sse) return {};
  return { ServerSideEncryption: sse.sse, ...(sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}) };
}
