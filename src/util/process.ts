import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { EnvironmentError } from './errors.js';

export interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the process wrote to stderr (its error message is usually the last one). */
  stderrTail: string[];
}

export interface RunningProcess {
  stdout: Readable;
  stdin: Writable;
  done: Promise<ProcessOutcome>;
  kill(signal?: NodeJS.Signals): void;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Each stderr line as it arrives (progress and warnings of the remote side). */
  onStderrLine?: (line: string) => void;
  signal?: AbortSignal;
  /** For the "not installed" message. */
  installHint?: string;
}

const TAIL_LINES = 20;

/**
 * Starts a program with stdout as a stream (never buffered whole) and stderr read line by line.
 * A missing program is an EnvironmentError naming it; an abort signal kills it.
 */
export function spawnStreaming(command: string, args: string[], options: SpawnOptions = {}): RunningProcess {
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) record(line);
  });
  function record(line: string) {
    const clean = line.replace(/\r$/, '');
    if (clean === '') return;
    stderrTail.push(clean);
    if (stderrTail.length > TAIL_LINES) stderrTail.shift();
    options.onStderrLine?.(clean);
  }
  const onAbort = () => child.kill('SIGTERM');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const done = new Promise<ProcessOutcome>((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (err.code === 'ENOENT') {
        // a program this machine lacks is its environment's fault (exit 3), as a tool a source lacks is
        reject(
          new EnvironmentError(
            `'${command}' was not found on PATH${options.installHint ? `: ${options.installHint}` : ''}.`,
          ),
        );
      } else {
        reject(err);
      }
    });
    child.once('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (partial) record(partial);
      resolve({ code, signal, stderrTail });
    });
  });
  done.catch(() => undefined);
  // a consumer that stops reading early must not crash the process with EPIPE
  child.stdin.on('error', () => undefined);
  return {
    stdout: child.stdout,
    stdin: child.stdin,
    done,
    kill: (signal = 'SIGTERM') => {
      child.kill(signal);
    },
  };
}

/** Runs a program to completion and returns its stdout as text (for short commands like `version`). */
export async function runCaptured(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<ProcessOutcome & { stdout: string }> {
  const proc = spawnStreaming(command, args, options);
  proc.stdin.end();
  const chunks: Buffer[] = [];
  proc.stdout.on('data', (c: Buffer) => chunks.push(c));
  const outcome = await proc.done;
  return { ...outcome, stdout: Buffer.concat(chunks).toString('utf8') };
}

/**
 * The line that explains a failure: the last `Error: ...` line when there is one (flyctl follows
 * its error with hints such as "Try ... fly status"), else the last line.
 */
export function lastLine(outcome: ProcessOutcome): string {
  const tail = outcome.stderrTail;
  for (let i = tail.length - 1; i >= 0; i--) if (/^(error|fatal)\b/i.test(tail[i]!)) return tail[i]!;
  return tail[tail.length - 1] ?? '(no message on stderr)';
}
