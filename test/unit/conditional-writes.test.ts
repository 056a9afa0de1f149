import { describe, expect, it } from 'vitest';
import { detectConditionalWrites } from '../../src/storage/conditional-writes.js';
import { MemoryStore, s3Error } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';

// detectConditionalWrites over the memory store: with conditionalWrites it answers as AWS, R2 and
// MinIO do, without it as Ceph Pacific does (If-None-Match ignored, If-Match always refused)
const PROBE = 'lifeboat/app/conditional-write-probe.json';

describe('detectConditionalWrites', () => {
  it('a store that honours both headers: true; the probe is written three times and removed', async () => {
    const store = new MemoryStore({ conditionalWrites: true });
    expect(await detectConditionalWrites(store, PROBE, new RecordingLogger())).toBe(true);
    expect(store.writes()).toEqual([
      `PutObject ${PROBE}`,
      `PutObject ${PROBE}`,
      `PutObject ${PROBE}`,
      `DeleteObject ${PROBE}`,
    ]);
    // the If-None-Match write was refused: two versions below the delete marker
    expect(store.versionsOf(PROBE).map((v) => v.deleteMarker)).toEqual([true, false, false]);
    expect(store.keys()).toEqual([]);
  });

  it('Ceph Pacific (If-None-Match on an existing key accepted): false, and nothing is left', async () => {
    const store = new MemoryStore();
    expect(await detectConditionalWrites(store, PROBE, new RecordingLogger())).toBe(false);
    expect(store.keys()).toEqual([]);
  });

  it('a store that answers the conditional write with another error has none; a failing first write fails', async () => {
    const store = new MemoryStore({ conditionalWrites: true });
    let puts = 0;
    store.fault = ({ operation }) => {
      if (operation === 'PutObject' && ++puts === 2)
        throw s3Error(
          'NotImplemented',
          501,
          'A header you provided implies functionality that is not implemented',
        );
    };
    expect(await detectConditionalWrites(store, PROBE, new RecordingLogger())).toBe(false);
    store.fault = ({ operation }) => {
      if (operation === 'PutObject') throw s3Error('AccessDenied', 403, 'Access Denied');
    };
    await expect(detectConditionalWrites(store, PROBE, new RecordingLogger())).rejects.toThrow(
      /Access denied during PutObject/,
    );
  });
});
