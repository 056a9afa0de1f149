import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { STANDIN_BIN } from './run-action.js';
import { s3Env } from './s3.js';

const root = new URL('../..', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** A command the bundle runs under, such as `faketime -f -1h` (a runner with another clock). */
  wrap?: string[];
  /** Called with the process id once it started (to signal it). */
  onStart?: (pid: number) => void;
}

/**
 * Runs the shipped CLI bundle (dist/cli/index.js) under `node` as a person or cron would: not a
 * TTY, the flyctl stand-in first on PATH, the test S3's credentials in the environment.
 */
export async function runCli(
  node: string,
  args: string[],
  env: Record<string, string> = {},
  o: CliOptions = {},
): Promise<CliRun> {
  const argv = [node, join(root, 'dist/cli/index.js'), ...args];
  const [command, ...rest] = [...(o.wrap ?? []), ...argv];
  const child = spawn(command!, rest, {
    env: {
      PATH: `${STANDIN_BIN}:${process.env.PATH}`,
      HOME: process.env.HOME ?? '/root',
      ...s3Env(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) o.onStart?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
