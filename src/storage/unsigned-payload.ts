import type { S3Client } from '@aws-sdk/client-s3';

/**
 * The archive's bytes over https are not hashed a second time for the request signature.
 *
 * SigV4 signs a hash of the body (`x-amz-content-sha256`) unless that header says
 * `UNSIGNED-PAYLOAD`, which S3 accepts for a body sent in one chunk (AWS S3 API reference,
 * "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk").
 * The SDK's signer (@smithy/signature-v4 `getPayloadHash`, smithy-lang/smithy-typescript
 * packages/signature-v4/src/getPayloadHash.ts at 1e36cf85) hashes every string or binary body
 * unless the request already carries that header, whose value it then signs as it is; its
 * `applyChecksum` option only decides whether the header is added, never whether the body is
 * hashed. That hash of every multipart part was 61% of a backup's hashing on the runner's main
 * thread (bench/NOTES.md, 2026-12-01).
 *
 * Invariant: only a request that goes over TLS and carries an archive's bytes (UploadPart, or the
 * PutObject of an archive that fits in one part; the snapshot index goes the same way) is sent
 * unsigned, and only its body: the method, path, headers and the header's own value stay signed,
 * so the request cannot be replayed as another one. Integrity still holds end to end: TLS
 * authenticates every record of the body in transit (a changed byte fails the record's MAC and the
 * connection), and lifeboat hashes the whole archive itself as it streams it (the manifest's
 * sha256), which verify-restore checks against the stored object's bytes (the index has its own
 * recorded sha256, checked by every reader, catalog/index-reader.ts). Over plain http nothing else protects the body, so there it stays signed:
 * the store refuses a part whose bytes do not match the signed hash.
 *
 * Small bodies stay signed everywhere: lifeboat's own JSON (manifests, pointers, claims) is put
 * with Content-MD5 (object-store.ts putJson) and hashing a few KiB costs nothing; a PutObject with
 * Content-MD5 is therefore left as it is.
 *
 * The AWS CLI reaches the same choice by its own rule (boto/botocore botocore/auth.py
 * `S3SigV4Auth._should_sha256_sign_payload` at 0e6e2404): a streamed upload over https that
 * carries a checksum header (Content-MD5, or the flexible checksum's header) is sent
 * UNSIGNED-PAYLOAD; over http, always signed. rclone sends PutObject unsigned to every S3 provider
 * but AWS (rclone/rclone backend/s3/provider/AWS.yaml `use_unsigned_payload: false`, because AWS
 * takes checksums in a trailer), so R2 and Spaces already take it from rclone. lifeboat sends no
 * per-part checksum (requestChecksumCalculation WHEN_REQUIRED, s3-client.ts): a part damaged after
 * the store's TLS ends is not refused at upload but found by verify-restore.
 */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const SHA256_HEADER = 'x-amz-content-sha256';

/** The commands whose body is an archive's bytes (part-upload.ts's parts or its single PutObject). */
const ARCHIVE_BODY_COMMANDS = new Set(['UploadPartCommand', 'PutObjectCommand']);

interface RequestShape {
  protocol?: string;
  headers: Record<string, string>;
}

function isRequest(request: unknown): request is RequestShape {
  return (
    typeof request === 'object' &&
    request !== null &&
    typeof (request as { headers?: unknown }).headers === 'object' &&
    (request as { headers?: unknown }).headers !== null
  );
}

function hasHeader(request: RequestShape, name: string): boolean {
  return Object.keys(request.headers).some((h) => h.toLowerCase() === name);
}

/** Whether this request's body is sent as UNSIGNED-PAYLOAD (see the invariant above). */
export function sendsUnsignedPayload(commandName: string | undefined, request: RequestShape): boolean {
  return (
    commandName !== undefined &&
    ARCHIVE_BODY_COMMANDS.has(commandName) &&
    request.protocol === 'https:' &&
    !hasHeader(request, 'content-md5') &&
    !hasHeader(request, SHA256_HEADER)
  );
}

/**
 * Adds to the client the step that marks its archive uploads over https UNSIGNED-PAYLOAD: in the
 * build step, after the request (and its endpoint's scheme) exists and before it is signed.
 */
export function unsignedArchivePayloadOverTls(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const { request } = args;
      if (isRequest(request) && sendsUnsignedPayload(context.commandName, request))
        request.headers[SHA256_HEADER] = UNSIGNED_PAYLOAD;
      return next(args);
    },
    { step: 'build', name: 'lifeboatUnsignedArchivePayloadOverTls' },
  );
}
