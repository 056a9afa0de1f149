import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import tarStream from 'tar-stream';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { testClient } from './s3.js';

export async function countTarEntries(tar: Buffer): Promise<number> {
  const ex = tarStream.extract();
  let n = 0;
  ex.on('entry', (_h, s, next) => {
    n++;
    s.on('end', next);
    s.resume();
  });
  const done = new Promise<void>((r) => ex.on('finish', () => r()));
  ex.end(tar);
  await done;
  return n;
}

export interface HandMade {
  bucket: string;
  target: string;
  id: string;
  /** The plain tar, to count entries and bytes. */
  tar: Buffer;
  /** The stored bytes (compressed, maybe encrypted). */
  stored: Buffer;
  compression: 'gzip' | 'zstd' | 'none';
  /** When the stored bytes are age-encrypted: the compressed plaintext and the recipients. */
  encryption?: { plaintext: Buffer; recipients: string[] };
  created?: Date;
  /** What the manifest claims instead of the true counts (a lying or hostile manifest). */
  claims?: { entries?: number; uncompressedBytes?: number };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Stores an archive made outside lifeboat with a manifest and latest pointer that describe it
 * exactly (valid against the committed schemas), as a tool following the layout would.
 */
export async function putHandMadeSnapshot(s: HandMade): Promise<void> {
  const ext = { gzip: 'tar.gz', zstd: 'tar.zst', none: 'tar' }[s.compression];
  const root = `lifeboat/${s.target}`;
  const key = `${root}/snapshots/${s.id}/archive.${ext}${s.encryption ? '.age' : ''}`;
  const client = testClient();
  const put = await client.send(new PutObjectCommand({ Bucket: s.bucket, Key: key, Body: s.stored }));
  const created = (s.created ?? new Date()).toISOString();
  const manifest = {
    schema: 1,
    snapshotId: s.id,
    target: s.target,
    status: 'ok',
    created,
    completed: created,
    durationSeconds: 1,
    source: { kind: 'local', path: '/data' },
    tools: { lifeboat: 'hand-made' },
    compression: s.compression,
    archive: {
      key,
      versionId: put.VersionId ?? null,
      etag: null,
      size: s.stored.length,
      sha256: sha(s.stored),
    },
    entries: s.claims?.entries ?? (await countTarEntries(s.tar)),
    uncompressedBytes: s.claims?.uncompressedBytes ?? s.tar.length,
    warnings: [],
    previous: null,
    ...(s.encryption
      ? {
          encryption: {
            format: 'age',
            recipients: s.encryption.recipients,
            plaintextSize: s.encryption.plaintext.length,
            plaintextSha256: sha(s.encryption.plaintext),
          },
        }
      : {}),
  };
  const problems = schemaErrors('manifest', manifest);
  if (problems.length) throw new Error(`hand-made manifest is invalid: ${problems.join('; ')}`);
  const m = await client.send(
    new PutObjectCommand({
      Bucket: s.bucket,
      Key: `${root}/snapshots/${s.id}/manifest.json`,
      Body: JSON.stringify(manifest),
    }),
  );
  const latest = {
    schema: 1,
    target: s.target,
    snapshotId: s.id,
    manifestKey: `${root}/snapshots/${s.id}/manifest.json`,
    manifestVersionId: m.VersionId ?? null,
    archiveKey: key,
    archiveVersionId: put.VersionId ?? null,
    sha256: manifest.archive.sha256,
    size: s.stored.length,
    created,
    updated: created,
  };
  await client.send(
    new PutObjectCommand({ Bucket: s.bucket, Key: `${root}/latest.json`, Body: JSON.stringify(latest) }),
  );
}
