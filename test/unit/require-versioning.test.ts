import { describe, expect, it } from 'vitest';
import type { ObjectStore, VersioningStatus } from '../../src/storage/object-store.js';
import { requireVersioning } from '../../src/storage/require-versioning.js';

/** Only what requireVersioning reads; the real S3 paths are covered end to end against Ceph. */
function storeWith(status: VersioningStatus): ObjectStore {
  return { description: 's3://b at https://x', versioning: async () => status } as unknown as ObjectStore;
}

describe('requireVersioning', () => {
  it('passes Enabled and names the fix for every other state', async () => {
    await expect(requireVersioning(storeWith('Enabled'), 'backup', 'bucket')).resolves.toBeUndefined();
    await expect(requireVersioning(storeWith('Disabled'), 'backup', 'bucket')).rejects.toThrow(
      /Versioning is not enabled on s3:\/\/b at https:\/\/x: without it a deleted or overwritten backup cannot be recovered.*--bucket <bucket>/,
    );
    await expect(requireVersioning(storeWith('Suspended'), 'copy', 'to-bucket')).rejects.toThrow(
      /Versioning is suspended .* overwritten copy .*--bucket <to-bucket>/,
    );
    await expect(requireVersioning(storeWith('Unsupported'), 'backup', 'bucket')).rejects.toThrow(
      /does not support bucket versioning \(Cloudflare R2, for one, has none\): set require-versioning: false/,
    );
  });
});
