import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE24 } from './node24.js';
import { STANDIN_BIN } from './run-action.js';
import { s3Env, s3Server } from './s3.js';
import type { SshServer } from './sshd.js';

const root = new URL('../..', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
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
 * The shipped CLI bundle (dist/cli/index.js) under Node 24 (or `node`), started as a person or cron
 * would (not a TTY), with the flyctl stand-in first on PATH and the test S3 credentials; `child` to
 * signal it.
 */
export function startCli(
  args: string[],
  env: Record<string, string> = {},
  node = NODE24,
  o: CliOptions = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const [command, ...rest] = [...(o.wrap ?? []), node, join(root, 'dist/cli/index.js'), ...args];
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
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Runs the CLI to its end. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  node = NODE24,
  o: CliOptions = {},
): Promise<CliRun> {
  return startCli(args, env, node, o).done;
}

/** The storage flags of the test S3 (or of a proxy in front of it). */
export const storageFlags = (bucket: string, endpoint = s3Server().endpoint) => [
  '--bucket',
  bucket,
  '--endpoint',
  endpoint,
  '--force-path-style',
];

/** The environment of the flyctl stand-in: `volume` is the machine's /data. */
export const flyStandin = (volume: string) => ({
  FLY_API_TOKEN: 'fo1_standin_token_value',
  FLY_STANDIN_VOLUME: volume,
  FLY_STANDIN_APP: 'my-app',
});

/** The --host flags for the test sshd, with its key and known_hosts in files; remove() deletes them. */
export function sshFlags(server: SshServer): { flags: string[]; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lb-sshkeys-'));
  writeFileSync(join(dir, 'key'), server.clientKey.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, 'known_hosts'), server.knownHosts);
  return {
    flags: [
      '--host',
      server.host,
      '--port',
      String(server.port),
      '--user',
      server.user,
      '--ssh-key-file',
      join(dir, 'key'),
      '--known-hosts-file',
      join(dir, 'known_hosts'),
    ],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `backup --local --path <volume> --target <target>` into `bucket` (through `endpoint`, default RGW). */
export const localBackup = (volume: string, target: string, bucket: string, endpoint?: string) => [
  'backup',
  '--local',
  '--path',
  volume,
  '--target',
  target,
  ...storageFlags(bucket, endpoint),
];
