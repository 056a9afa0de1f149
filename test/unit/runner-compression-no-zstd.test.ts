import { describe, expect, it, vi } from 'vitest';
import { EnvironmentError } from '../../src/util/errors.js';
import { startBackup } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';

// A Node.js whose zlib has no zstd (Node 20). lifeboat never runs on one: the actions run on node24
// and the CLI refuses a Node.js without zstd at start (cli/node-gate.ts). Should the engine meet one
// anyway, a machine without zstd that sent plain tar for `auto` is an environment fault that names
// the runtime and its fix, and nothing is published.
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  const withoutZstd = { ...real, createZstdCompress: undefined, createZstdDecompress: undefined };
  return { ...withoutZstd, default: withoutZstd };
});

describe('compression auto on a runtime without zstd', () => {
  it('a machine that sent plain tar: an environment fault naming Node.js, and no snapshot', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const { running } = await startBackup({ store, clock, archive: { compression: 'none' } });
    const err = await running.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toMatch(
      /compressing on the runner needs Node\.js >= 22\.15 .*run the action on node24/,
    );
    expect(store.keys().filter((k) => k.endsWith('manifest.json') || k.endsWith('latest.json'))).toEqual([]);
    expect(store.openUploads()).toEqual({});
  });
});
