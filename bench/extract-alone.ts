// The restore's extractor alone, outside the benchmark (issue 18, bench/NOTES.md): a stored archive
// read from a file (best on /dev/shm) through the shipped ArchiveInspector and SafeExtractor of a
// source tree (this one's src/; a copy of another commit's tree beside it compares two), into a fresh folder.
//   tsx bench/extract-alone.ts <archive.tar.zst> <into> [zstd|gzip|none]
// (or bundled: esbuild bench/extract-alone.ts --bundle --platform=node --format=esm --packages=external)
// LIFEBOAT_BENCH_WALK=1 walks the archive alone (nothing written). Prints one line: wall s, process CPU s (all threads), main-thread CPU s, VmHWM MiB, entries.
// <into> must not exist; it is removed afterwards. Run it under `node --cpu-prof` for a profile.
import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { ArchiveInspector } from '../src/archive/archive-inspector.js';
import { SafeExtractor } from '../src/restore/safe-extractor.js';

const [archive, into, compression = 'zstd'] = process.argv.slice(2);
if (!archive || !into) throw new Error('usage: tsx bench/extract-alone.ts <archive> <into> [zstd]');
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const cpu = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1e4) / 100;

mkdirSync(into, { mode: 0o700 });
const cpu0 = process.cpuUsage();
const main0 = process.threadCpuUsage();
const t0 = performance.now();
const extractor = new SafeExtractor(into);
// LIFEBOAT_BENCH_WALK=1: the walk alone (every member drained, nothing written)
const walkOnly = process.env.LIFEBOAT_BENCH_WALK === '1';
const inspector = new ArchiveInspector(compression as 'zstd', walkOnly ? {} : { onEntry: extractor.handle });
await pipeline(createReadStream(archive, { highWaterMark: 1 << 20 }), inspector.input);
const contents = await inspector.result;
if (!walkOnly) await extractor.finish();
const wall = (performance.now() - t0) / 1000;
const line = {
  wallS: Math.round(wall * 100) / 100,
  processCpuS: cpu(process.cpuUsage(cpu0)),
  mainCpuS: cpu(process.threadCpuUsage(main0)),
  hwmMiB: Math.round(hwm()),
  entries: contents.entries,
};
process.stdout.write(`${JSON.stringify(line)}\n`);
rmSync(into, { recursive: true, force: true });
