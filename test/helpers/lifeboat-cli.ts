import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { CliNode } from './cli-nodes.js';
import { STANDIN_BIN } from './run-action.js';
import { s3Env } from './s3.js';

const root = new URL('../..', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the shipped CLI bundle (dist/cli) under `node` as a person or cron would (not a TTY), with
 * the stand-ins first on PATH and the test S3's credentials; `env` adds to or replaces that.
 */
export async function runLifeboat(
  node: CliNode,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const child = spawn(node.path, [join(root, 'dist/cli/index.js'), ...args], {
    env: {
      PATH: `${STANDIN_BIN}:${process.env.PATH}`,
      HOME: process.env.HOME ?? '/root',
      ...s3Env(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
