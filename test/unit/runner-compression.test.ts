import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildArchiveScript } from '../../src/archive/remote-script.js';
import type { Manifest } from '../../src/catalog/manifest.js';
import { findIndex, readIndexEntries } from '../../src/catalog/index-reader.js';
import type { IndexEntry } from '../../src/catalog/snapshot-index.js';
import { runVerify } from '../../src/jobs/verify.js';
import { OperationFailedError } from '../../src/util/errors.js';
import {
  backup,
  LAYOUT,
  noise,
  PREFIX,
  sha256,
  startBackup,
  TARGET,
  volume,
} from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';
import { hasZstd, makeTar } from '../ports/scripted-source.js';

// compression auto on a machine without zstd (issue 18, "The fastest path on a machine without
// zstd"): the machine sends plain tar (its header says none), lifeboat compresses it with zstd on
// the runner and stores a zstd archive exactly as the manifest describes it. Node's zlib has zstd
// from 22.15: on an older Node these tests are skipped (runner-compression-no-zstd.test.ts covers
// that runtime); run them with node 24 (`node_modules/.bin/node node_modules/vitest/vitest.mjs`).

const ZSTD_MAGIC = '28b52ffd';

function fixture() {
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  return { clock, store: new MemoryStore({ clock: clock.now }) };
}

const manifestOf = (store: MemoryStore, id: string) => store.json<Manifest>(LAYOUT.manifestKey(id))!;

/** The index line of one member of the snapshot `m`. */
async function indexLine(store: MemoryStore, m: Manifest, path: string): Promise<IndexEntry | undefined> {
  const found = await findIndex(store, LAYOUT, m);
  if (!found.found) throw new Error(found.reason);
  for await (const e of readIndexEntries(store, found.index)) if (e.path === path) return e;
  return undefined;
}

async function verifyLatest(store: MemoryStore, clock: ManualClock, decryptionIdentity?: string) {
  return runVerify(
    {
      target: TARGET,
      prefix: PREFIX,
      snapshot: { kind: 'latest' },
      mode: 'stream',
      requiredPaths: ['db/app.sqlite'],
      minEntries: 1,
      sqlite: [],
      writeReport: true,
      ...(decryptionIdentity ? { decryptionIdentity } : {}),
    },
    { store, logger: new RecordingLogger(), now: clock.now },
  );
}

describe.skipIf(!hasZstd)('compression auto, a machine without zstd: zstd on the runner', () => {
  it('asks the machine for plain tar, stores zstd of it with the sha256 and size of the stored bytes', async () => {
    const { clock, store } = fixture();
    const { result, sent, source, logger } = await backup({ store, clock, archive: { compression: 'none' } });
    // the command sent to the machine lets it send plain tar when it has no zstd
    expect(source.runs.map((r) => r.script)).toEqual([
      buildArchiveScript({ path: '/data', compression: 'auto', excludes: [] }),
    ]);
    expect(source.runs[0]!.script).toContain('else C=none; fi; fi');

    const key = LAYOUT.archiveKey(result.snapshotId, 'zstd');
    expect(result).toMatchObject({
      status: 'ok',
      archiveKey: key,
      compression: 'zstd',
      compressedOn: 'runner',
    });
    const stored = store.bytes(key)!;
    expect(stored.subarray(0, 4).toString('hex')).toBe(ZSTD_MAGIC);
    expect(zlib.zstdDecompressSync(stored).equals(sent.tar)).toBe(true);
    expect(store.versionsOf(key)[0]!.contentType).toBe('application/zstd');

    const m = manifestOf(store, result.snapshotId);
    expect(m).toMatchObject({
      compression: 'zstd',
      compressedOn: 'runner',
      archive: { key, size: stored.length, sha256: sha256(stored) },
      entries: volume().length,
      uncompressedBytes: sent.tar.length,
    });
    expect(result).toMatchObject({ sha256: sha256(stored), sizeBytes: stored.length });
    // the index, from the walk of the plain tar, has every file's own sha256
    const db = await indexLine(store, m, './db/app.sqlite');
    expect(db).toMatchObject({ size: 24 * 1024, sha256: sha256(noise(24 * 1024, 1)) });
    expect(logger.text).toMatch(
      /the Fly machine has no zstd: it sends plain tar, which lifeboat compresses with zstd here on the runner/,
    );
    // and names the Dockerfile line that gives the machine zstd (archive/machine-needs.ts)
    expect(logger.text).toContain(
      'To compress there, add it to the image with the Dockerfile line `RUN apt-get update && apt-get install -y --no-install-recommends zstd` (Debian, Ubuntu) or `RUN apk add --no-cache zstd` (Alpine)',
    );
    // and the snapshot verifies as any zstd snapshot does
    const v = await verifyLatest(store, clock);
    expect(v.failure).toBe('');
    expect(v.report.checks.every((c) => c.ok)).toBe(true);
  });

  it('an archive of several parts: every compressed byte is stored, in order', async () => {
    const { clock, store } = fixture();
    // 20 MiB of incompressible data: the compressed archive spans four 6 MiB parts
    const tar = await makeTar([
      { name: './' },
      { name: './big.bin', content: randomBytes(20 * 1024 * 1024) },
    ]);
    const { result } = await backup({ store, clock, archive: { tar, compression: 'none' } });
    const stored = store.bytes(result.archiveKey)!;
    expect(store.versionsOf(result.archiveKey)[0]!.etag).toMatch(/^"[0-9a-f]{32}-4"$/);
    expect(zlib.zstdDecompressSync(stored).equals(tar)).toBe(true);
    expect(manifestOf(store, result.snapshotId).archive).toMatchObject({
      size: stored.length,
      sha256: sha256(stored),
    });
  });

  it('with age: the ciphertext is of the zstd bytes, whose sha256 and size the manifest keeps', async () => {
    const { Decrypter, generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const identity = await generateX25519Identity();
    const { clock, store } = fixture();
    const { result, sent } = await backup({
      store,
      clock,
      archive: { compression: 'none' },
      options: { encryptionRecipients: [await identityToRecipient(identity)] },
    });
    const key = LAYOUT.archiveKey(result.snapshotId, 'zstd', true);
    expect(result.archiveKey).toBe(key);
    const stored = store.bytes(key)!;
    const d = new Decrypter();
    d.addIdentity(identity);
    const zst = Buffer.from(await d.decrypt(stored));
    expect(zst.subarray(0, 4).toString('hex')).toBe(ZSTD_MAGIC);
    expect(zlib.zstdDecompressSync(zst).equals(sent.tar)).toBe(true);
    const m = manifestOf(store, result.snapshotId);
    expect(m).toMatchObject({
      compression: 'zstd',
      compressedOn: 'runner',
      archive: { key, size: stored.length, sha256: sha256(stored) },
      encryption: { plaintextSize: zst.length, plaintextSha256: sha256(zst) },
    });
    const v = await verifyLatest(store, clock, identity);
    expect(v.failure).toBe('');
  });

  it('a machine with zstd: its zstd bytes are stored as sent, not compressed again', async () => {
    const { clock, store } = fixture();
    const { result, sent } = await backup({ store, clock, archive: { compression: 'zstd' } });
    expect(result.compressedOn).toBe('source');
    expect(store.bytes(result.archiveKey)!.equals(sent.archive)).toBe(true);
    expect(manifestOf(store, result.snapshotId).compressedOn).toBeUndefined();
  });

  it('an explicit compression none keeps plain tar: the machine is never asked to leave it to the runner', async () => {
    const { clock, store } = fixture();
    const { result, sent } = await backup({
      store,
      clock,
      archive: { compression: 'none' },
      options: { compression: 'none' },
    });
    expect(result).toMatchObject({ compression: 'none', compressedOn: 'source' });
    expect(store.bytes(result.archiveKey)!.equals(sent.tar)).toBe(true);
  });

  it.each([
    [
      'a member no restore writes (a device node)',
      async () => {
        const tar = await makeTar([{ name: './' }, { name: './a.txt', content: 'a' }]);
        // turn the second member into a character device: type flag '3', checksum recomputed
        const header = tar.subarray(512, 1024);
        header[156] = 0x33;
        header.fill(0x20, 148, 156);
        let sum = 0;
        for (const b of header) sum += b;
        header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
        return tar;
      },
      /holds a member that no restore writes/,
    ],
    [
      'a tar cut before its end-of-archive blocks',
      async () => (await makeTar(volume())).subarray(0, 1536),
      /the archive that the Fly machine wrote is not a complete, valid archive \(Unexpected end of data\), although tar and cat there/,
    ],
  ])('%s is refused as on any stream: nothing is stored', async (_name, makeBad, message) => {
    const { clock, store } = fixture();
    const { running } = await startBackup({
      store,
      clock,
      archive: { tar: await makeBad(), compression: 'none' },
    });
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toMatch(message);
    expect(store.keys(`${LAYOUT.root}/`).filter((k) => /archive|manifest|latest/.test(k))).toEqual([]);
    expect(store.openUploads()).toEqual({});
  });
});
