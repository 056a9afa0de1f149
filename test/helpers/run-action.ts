import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NODE24 } from './node24.js';

const root = new URL('../..', import.meta.url).pathname;
export const STANDIN_BIN = join(root, 'test/standins/bin');

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in arrival order. */
  log: string;
  /** ::error:: and ::warning:: messages, decoded as the runner shows them. */
  errors: string[];
  warnings: string[];
  runnerTemp: string;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** Put the test stand-ins (flyctl) first on PATH; default true. */
  standins?: boolean;
  timeoutMs?: number;
  /** The Node.js binary that runs the bundle; default Node 24 (the runner's node24). */
  node?: string;
  /** Called once the process runs (for signal tests). */
  onStart?: (pid: number, output: () => string) => void;
}

/**
 * Runs dist/<name>/index.js exactly as the runner does: Node 24, inputs as INPUT_<NAME> (upper
 * case, hyphens kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, RUNNER_TEMP. The environment is
 * built from scratch (no variable of the test process leaks in except PATH and HOME).
 */
export async function runAction(name: string, options: RunOptions = {}): Promise<ActionRun> {
  const work = mkdtempSync(join(tmpdir(), `lifeboat-run-${name}-`));
  const outputFile = join(work, 'github_output');
  const summaryFile = join(work, 'step_summary');
  const runnerTemp = join(work, 'runner_temp');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: `${options.standins === false ? '' : `${STANDIN_BIN}:`}${process.env.PATH}`,
    HOME: process.env.HOME ?? '/root',
    // the test run's temporary root (test/tmp-root.ts), as a runner's own TMPDIR would be
    TMPDIR: tmpdir(),
    LANG: 'C.UTF-8',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    RUNNER_DEBUG: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  // like the runner: every declared input with a default is set, then the step's `with:` values
  for (const [k, v] of Object.entries(actionDefaults(name))) env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(options.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(options.node ?? NODE24, [join(root, 'dist', name, 'index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => ((stdout += d), (log += d)));
  child.stderr.setEncoding('utf8').on('data', (d: string) => ((stderr += d), (log += d)));
  options.onStart?.(child.pid!, () => log);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  return {
    code,
    signal,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    stdout,
    stderr,
    log,
    errors: annotations(stdout, 'error'),
    warnings: annotations(stdout, 'warning'),
    runnerTemp,
  };
}

function annotations(stdout: string, kind: 'error' | 'warning'): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    const m = new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`).exec(line);
    if (m) out.push(m[1]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
  }
  return out;
}

/** The `default:` of every input declared in actions/<name>/action.yml. */
export function actionDefaults(name: string): Record<string, string> {
  const doc = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.inputs ?? {})) {
    if (v?.default !== undefined && !String(v.default).includes('${{')) out[k] = String(v.default);
  }
  return out;
}

/** The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER\n` (or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = line.indexOf('<<');
    const eq = line.indexOf('=');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const key = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
      out[key] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}
