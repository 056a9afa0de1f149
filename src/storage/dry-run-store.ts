import { errorMessage } from '../util/errors.js';
import type { ObjectStore } from './object-store.js';

/**
 * A store as a dry run sees it: every read reaches the store, no write does. An upload reads its
 * body to the end, so that an archive is streamed, hashed and judged exactly as in a real run, and
 * stores nothing; puts, deletes and aborts do nothing. Nothing done through it changes the bucket.
 */
export function dryRunStore(store: ObjectStore): ObjectStore {
  return {
    description: store.description,
    checkAccess: () => store.checkAccess(),
    versioning: () => store.versioning(),
    head: (key, versionId) => store.head(key, versionId),
    getJson: <T>(key: string, versionId?: string) => store.getJson<T>(key, versionId),
    download: (key, versionId, signal) => store.download(key, versionId, signal),
    listFolders: (prefix) => store.listFolders(prefix),
    listKeys: (prefix) => store.listKeys(prefix),
    listVersions: (key) => store.listVersions(key),
    serverTime: () => store.serverTime(),
    putJson: () => Promise.resolve({}),
    uploadStream: async (key, body, options) => {
      try {
        for await (const _chunk of body as AsyncIterable<Buffer>) {
          if (options.signal?.aborted) break;
        }
      } catch (err) {
        // as a real upload whose body failed: its own error, not the body's
        throw new Error(`upload of ${key} (dry run) stopped: ${errorMessage(err)}`, { cause: err });
      }
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('upload aborted');
      return {};
    },
    deleteKeys: () => Promise.resolve(),
    abortIncompleteUploads: () => Promise.resolve(0),
  };
}
