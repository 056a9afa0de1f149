import { describe, expect, it, vi } from 'vitest';
import { buildArchiveScript } from '../../src/archive/remote-script.js';
import { backup, LAYOUT } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';

// a Node.js whose zlib has no zstd (Node 20): compression auto cannot compress on the runner, so a
// machine without zstd compresses with gzip -1 itself, as auto did before, and the log says why
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  const withoutZstd = { ...real, createZstdCompress: undefined, createZstdDecompress: undefined };
  return { ...withoutZstd, default: withoutZstd };
});

describe('compression auto on a runtime without zstd', () => {
  it('asks the machine to compress with gzip -1 itself, stores its gzip and logs why', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const { result, sent, source, logger } = await backup({ store, clock, archive: { compression: 'gzip' } });
    expect(source.runs.map((r) => r.script)).toEqual([
      buildArchiveScript({ path: '/data', compression: 'auto', excludes: [], runnerCompresses: false }),
    ]);
    expect(source.runs[0]!.script).toContain('R=0\n');
    expect(result).toMatchObject({ compression: 'gzip', compressedOn: 'source' });
    expect(result.archiveKey).toBe(LAYOUT.archiveKey(result.snapshotId, 'gzip'));
    expect(store.bytes(result.archiveKey)!.equals(sent.archive)).toBe(true);
    expect(logger.lines).toContain(
      `compression auto: this Node.js (${process.version}) has no zstd to compress on the runner, so a machine ` +
        'without zstd compresses with gzip -1 (pigz -1) itself; Node.js 24 (node24 runners) sends plain tar instead',
    );
  });
});
