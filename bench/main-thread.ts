// The backup's main-thread cost, outside the benchmark (issue 18, bench/NOTES.md): one archive of a
// local directory streamed by the engine (LocalSource, streamArchiveToStore with the index), into a
// store that reads every byte of each upload and keeps none (or the S3 of LIFEBOAT_ENDPOINT).
//   tsx bench/main-thread.ts <dir> [runner|zstd|none] [rounds]   (LIFEBOAT_BENCH_NO_INDEX=1: no index)
// LIFEBOAT_BENCH_KEEP=<file>: the archive's bytes are also written there (to compare two runs).
// Prints per round: wall s, main-thread CPU s (process.threadCpuUsage), process CPU s (all its
// threads: zlib's pool, workers), and the process's VmHWM. Run it under `node --cpu-prof` for a profile.
import { createWriteStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { TargetLayout } from '../src/catalog/layout.js';
import { buildArchiveScript } from '../src/archive/remote-script.js';
import { streamArchiveToStore } from '../src/archive/stream-to-store.js';
import { LocalSource } from '../src/sources/local-source.js';
import type { ObjectStore, StoredObject, UploadOptions } from '../src/storage/object-store.js';
import { S3ObjectStore } from '../src/storage/object-store.js';
import type { Logger } from '../src/util/logger.js';

const [dir, mode = 'runner', roundsArg = '1'] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx bench/main-thread.ts <dir> [runner|zstd] [rounds]');

/** Reads each upload's body to its end and keeps nothing: the engine's own cost, no store's. */
function discardingStore(): ObjectStore {
  const drain = async (body: Readable): Promise<StoredObject> => {
    const keep = process.env.LIFEBOAT_BENCH_KEEP
      ? createWriteStream(process.env.LIFEBOAT_BENCH_KEEP)
      : undefined;
    for await (const chunk of body) keep?.write(chunk);
    keep?.end();
    return { versionId: 'v', etag: '"e"' };
  };
  return {
    description: 'a discarding store',
    uploadStream: (_key: string, body: Readable, _o: UploadOptions) => drain(body),
    abortIncompleteUploads: async () => 0,
    head: async () => undefined,
    deleteKeys: async () => undefined,
  } as unknown as ObjectStore;
}

const store = process.env.LIFEBOAT_ENDPOINT
  ? new S3ObjectStore({
      bucket: process.env.LIFEBOAT_BUCKET ?? 'bench-main-thread',
      endpoint: process.env.LIFEBOAT_ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
    })
  : discardingStore();
const quiet: Logger = {
  info: () => undefined,
  warning: (m: string) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  group: async <T>(_n: string, f: () => Promise<T>) => f(),
};

const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

for (let round = 1; round <= Number(roundsArg); round++) {
  const script = buildArchiveScript({
    path: dir,
    compression: mode === 'zstd' ? 'zstd' : 'none',
    excludes: [],
  });
  const main0 = process.threadCpuUsage();
  const all0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await streamArchiveToStore({
    source: new LocalSource(),
    script,
    path: dir,
    store,
    layout: new TargetLayout('bench', 'main-thread'),
    snapshotId: `20261201T0000${String(round).padStart(2, '0')}Z`,
    logger: quiet,
    progressIntervalMs: 1e9,
    writeIndex: !process.env.LIFEBOAT_BENCH_NO_INDEX,
    runnerCompresses: mode === 'runner',
  });
  const wall = (performance.now() - t0) / 1000;
  const main = process.threadCpuUsage(main0);
  const all = process.cpuUsage(all0);
  const s = (u: { user: number; system: number }) => ((u.user + u.system) / 1e6).toFixed(2);
  process.stdout.write(
    `${mode} round ${round}: wall ${wall.toFixed(2)} s, main ${s(main)} CPU-s, process ${s(all)} CPU-s, ` +
      `VmHWM ${hwm().toFixed(0)} MiB, ${out.size} bytes ${out.sha256.slice(0, 12)}, ` +
      `index ${out.index?.size} bytes ${out.index?.sha256.slice(0, 12)}, ${out.entries} entries\n`,
  );
}
