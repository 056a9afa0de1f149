import { describe, expect, it, vi } from 'vitest';
import { runVerify } from '../../src/jobs/verify.js';
import { EnvironmentError } from '../../src/util/errors.js';
import { backup, LAYOUT, PREFIX, TARGET } from '../ports/backup-fixture.js';
import { HOUR, ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';

// a Node.js whose zlib has no zstd (Node 20, as on a runner or a server with an old node): the
// runtime lacks a feature, and that is no verdict about the archive (issue 20, section 4)
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  const withoutZstd = { ...real, createZstdDecompress: undefined };
  return { ...withoutZstd, default: withoutZstd };
});

describe('runVerify on a runtime without zstd', () => {
  // was: "archive structure" failed and verification.json said verified: false of a good snapshot
  it('a zstd snapshot: an EnvironmentError naming the Node.js and the fix, and no verification.json', async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now });
    const { result: b } = await backup({ store, clock });
    clock.advance(HOUR);
    // a zstd snapshot (its bytes are never read: the decompressor is missing)
    const gzKey = LAYOUT.archiveKey(b.snapshotId, 'gzip');
    const zstKey = LAYOUT.archiveKey(b.snapshotId, 'zstd');
    store.putBytes(zstKey, store.bytes(gzKey)!);
    store.tamper(LAYOUT.manifestKey(b.snapshotId), undefined, (bytes) =>
      Buffer.from(
        JSON.stringify({
          ...JSON.parse(bytes.toString('utf8')),
          compression: 'zstd',
          archive: { ...JSON.parse(bytes.toString('utf8')).archive, key: zstKey },
        }),
      ),
    );
    const error = await runVerify(
      {
        target: TARGET,
        prefix: PREFIX,
        snapshot: { kind: 'latest' },
        mode: 'stream',
        requiredPaths: [],
        minEntries: 1,
        sqlite: [],
        writeReport: true,
      },
      { store, logger: new RecordingLogger(), now: clock.now },
    ).catch((e: unknown) => e);
    expect(error, String(error)).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(
      /^zstd archives need Node\.js >= 22\.15 \(this is v[\d.]+ at \S+, whose zlib has no zstd\): run the action on node24, or install Node\.js 24 .* No verdict about snapshot 20261123T020000Z of app was recorded\.$/,
    );
    expect(store.keys(PREFIX).filter((k) => k.endsWith('verification.json'))).toEqual([]);
  });
});
