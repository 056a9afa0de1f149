// The slim Fly machine of the benchmark (issue 18, bench/NOTES.md "The slim Fly machine"): used by
// bench/bench.ts's slim rows and bench/ab-backup.mjs's slim mode, so both measure the same shape.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

/** Bytes per second of the slim machine's link to the runner (LIFEBOAT_BENCH_SLIM_RATE, default 50 MB/s). */
export const SLIM_RATE = Number(process.env.LIFEBOAT_BENCH_SLIM_RATE ?? 50_000_000);
/** The slim machine's one CPU: the source and a hog share it (see onSlimMachine). */
export const SLIM_CPU = String(Math.max(0, cpus().length - 1));

/**
 * A shared-cpu-1x machine as Fly runs most apps: Debian slim without zstd, one CPU that the app
 * also uses, and a link to the runner of SLIM_RATE. The flyctl stand-in runs the machine's command
 * pinned to one CPU (taskset -c, FLY_STANDIN_CPUS) beside a busy loop pinned to the same CPU (the
 * app; equal priority, so the source gets about half of that CPU; see onSlimMachine), hides zstd
 * (FLY_STANDIN_HIDE), and throttles its stdout to SLIM_RATE bytes/s (FLY_STANDIN_RATE). Processes
 * of the runner side are not pinned. These are the stand-in's variables; add them to its others.
 */
export function slimMachineEnv(): Record<string, string> {
  return { FLY_STANDIN_HIDE: 'zstd', FLY_STANDIN_CPUS: SLIM_CPU, FLY_STANDIN_RATE: String(SLIM_RATE) };
}

/** Runs `act` while the slim machine's app (a busy loop pinned to SLIM_CPU) runs. */
export async function onSlimMachine<T>(act: () => Promise<T>): Promise<T> {
  const hog = spawn('taskset', ['-c', SLIM_CPU, 'sh', '-c', 'while :; do :; done'], { stdio: 'ignore' });
  try {
    return await act();
  } finally {
    hog.kill('SIGKILL');
    await new Promise((r) => hog.once('close', r));
  }
}
