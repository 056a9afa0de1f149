// Preloaded into a bundle's node (`node --import bench/cpu-at-exit.mjs`) by bench/ab-backup.mjs: at
// exit one line goes to stderr with the process's CPU (all its threads: zlib's pool, workers),
// the main thread's own, and the peak RSS, so that two bundles are compared by the node process
// alone (not flyctl, tar or zstd beside it), from outside the product.
//   lifeboat-cpu {"processCpuS":..,"mainCpuS":..,"hwmMiB":..}
import { readFileSync, writeSync } from 'node:fs';

process.once('exit', () => {
  const all = process.cpuUsage();
  const main = process.threadCpuUsage?.() ?? { user: NaN, system: NaN };
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
  const s = (u) => Math.round((u.user + u.system) / 1e4) / 100;
  writeSync(
    2,
    `lifeboat-cpu ${JSON.stringify({ processCpuS: s(all), mainCpuS: s(main), hwmMiB: Math.round(hwm) })}\n`,
  );
});
