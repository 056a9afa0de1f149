import { PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createS3Client } from '../../src/storage/s3-client.js';
import { UNSIGNED_PAYLOAD } from '../../src/storage/unsigned-payload.js';

interface Sent {
  protocol: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * lifeboat's own client (createS3Client) whose requests end in a recording handler instead of the
 * network: every request goes through the SDK's whole middleware stack, signer included, and is
 * answered 200 with an ETag.
 */
function recordingClient(endpoint: string): { client: S3Client; sent: Sent[] } {
  const client = createS3Client({
    bucket: 'b',
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  const sent: Sent[] = [];
  const handler = {
    handle: (request: Sent) => {
      sent.push({ protocol: request.protocol, headers: { ...request.headers }, body: request.body });
      return Promise.resolve({
        response: { statusCode: 200, headers: { etag: '"e"' }, body: new Uint8Array() },
      });
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  (client.config as unknown as { requestHandler: unknown }).requestHandler = handler;
  return { client, sent };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The header names the signature covers (the Authorization header's SignedHeaders). */
const signedHeaders = (s: Sent) =>
  /SignedHeaders=([^,]+)/.exec(s.headers.authorization ?? '')?.[1]?.split(';');

const part = randomBytes(1 << 20);

describe('the payload hash of archive uploads (unsigned-payload.ts)', () => {
  it('sends a part over https as UNSIGNED-PAYLOAD, the header itself signed', async () => {
    const { client, sent } = recordingClient('https://s3.example.test');
    await client.send(
      new UploadPartCommand({ Bucket: 'b', Key: 'archive', UploadId: 'u', PartNumber: 1, Body: part }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.protocol).toBe('https:');
    expect(sent[0]!.headers['x-amz-content-sha256']).toBe(UNSIGNED_PAYLOAD);
    expect(signedHeaders(sent[0]!)).toContain('x-amz-content-sha256');
    expect(Buffer.from(sent[0]!.body as Uint8Array).equals(part)).toBe(true);
  });

  it('sends a part over http with the sha256 of its bytes', async () => {
    const { client, sent } = recordingClient('http://127.0.0.1:7480');
    await client.send(
      new UploadPartCommand({ Bucket: 'b', Key: 'archive', UploadId: 'u', PartNumber: 1, Body: part }),
    );
    expect(sent[0]!.protocol).toBe('http:');
    expect(sent[0]!.headers['x-amz-content-sha256']).toBe(sha256(part));
    expect(signedHeaders(sent[0]!)).toContain('x-amz-content-sha256');
  });

  it("sends an archive's single PutObject over https unsigned, over http hashed", async () => {
    const tls = recordingClient('https://s3.example.test');
    await tls.client.send(new PutObjectCommand({ Bucket: 'b', Key: 'archive', Body: part }));
    expect(tls.sent[0]!.headers['x-amz-content-sha256']).toBe(UNSIGNED_PAYLOAD);
    const plain = recordingClient('http://127.0.0.1:7480');
    await plain.client.send(new PutObjectCommand({ Bucket: 'b', Key: 'archive', Body: part }));
    expect(plain.sent[0]!.headers['x-amz-content-sha256']).toBe(sha256(part));
  });

  it("keeps lifeboat's small JSON (put with Content-MD5) signed over https", async () => {
    const { client, sent } = recordingClient('https://s3.example.test');
    const body = Buffer.from('{"manifest":1}\n');
    await client.send(
      new PutObjectCommand({
        Bucket: 'b',
        Key: 'latest.json',
        Body: body,
        ContentMD5: createHash('md5').update(body).digest('base64'),
      }),
    );
    expect(sent[0]!.headers['x-amz-content-sha256']).toBe(sha256(body));
  });
});
