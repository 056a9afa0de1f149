import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseOutputFile } from './run-action.js';

interface CompositeStep {
  id?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, unknown>;
  with?: Record<string, unknown>;
}
interface CompositeAction {
  inputs?: Record<string, { default?: unknown }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: CompositeStep[] };
}

export interface StepRecord {
  id: string;
  executed: boolean;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  env: Record<string, string>;
  log: string;
}

export interface CompositeRun {
  steps: StepRecord[];
  outputs: Record<string, string>;
  /** The composite's own result, as the runner reports it for the step that used it. */
  outcome: 'success' | 'failure';
  log: string;
}

export interface CompositeOptions {
  /** Directory holding action.yml (GITHUB_ACTION_PATH). */
  actionPath: string;
  inputs: Record<string, string>;
  /** The job's environment (the runner's GITHUB_* variables, secrets passed through env:, PATH...). */
  env: Record<string, string>;
  /** The `github` and `runner` contexts. */
  github: Record<string, string>;
  runner: Record<string, string>;
}

type FunctionDefinition =
  NonNullable<ConstructorParameters<typeof Evaluator>[2]> extends Map<string, infer F> ? F : never;

function truthy(d: data.ExpressionData): boolean {
  switch (d.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return d.coerceString() === 'true';
    case data.Kind.Number:
      return d.number() !== 0 && !Number.isNaN(d.number());
    case data.Kind.String:
      return d.coerceString() !== '';
    default:
      return true;
  }
}

const CONTEXTS = ['inputs', 'steps', 'github', 'runner', 'env', 'job', 'matrix', 'secrets', 'strategy'];

/**
 * Executes a composite action step by step the way the runner does: `if:` (default `success()`)
 * and every `${{ }}` in `env:`/`with:`/outputs evaluated with GitHub's expression engine
 * (@actions/expressions) and the runner's status functions; `run:` steps executed by
 * `bash --noprofile --norc -eo pipefail` with the step's env over the job's, and GITHUB_OUTPUT,
 * GITHUB_PATH, GITHUB_ACTION_PATH as the runner sets them. A `uses:` step whose `if:` is true is
 * refused: the test must arrange for it to be skipped.
 */
export async function runComposite(opts: CompositeOptions): Promise<CompositeRun> {
  const action = parse(readFileSync(join(opts.actionPath, 'action.yml'), 'utf8')) as CompositeAction;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const work = mkdtempSync(join(tmpdir(), 'lifeboat-composite-'));
  const steps: StepRecord[] = [];
  const stepsCtx: Record<string, { outcome: string; conclusion: string; outputs: Record<string, string> }> =
    {};
  let failed = false;
  const status = (): Map<string, FunctionDefinition> =>
    new Map<string, FunctionDefinition>([
      ['success', { name: 'success', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(!failed) }],
      ['failure', { name: 'failure', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(failed) }],
      ['always', { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }],
      ['cancelled', { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) }],
    ]);
  const context = (inputs: Record<string, string>) =>
    JSON.parse(
      JSON.stringify({
        inputs,
        steps: stepsCtx,
        github: opts.github,
        runner: opts.runner,
        env: opts.env,
        job: { status: failed ? 'failure' : 'success' },
      }),
      data.reviver,
    ) as data.Dictionary;
  const evaluate = (expr: string, inputs: Record<string, string>) => {
    const lexed = new Lexer(expr).lex();
    const fns = [...status().values()];
    const tree = new Parser(lexed.tokens, CONTEXTS, fns).parse();
    return new Evaluator(tree, context(inputs), status()).evaluate();
  };
  const template = (value: unknown, inputs: Record<string, string>): string =>
    String(value ?? '').replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) =>
      evaluate(e, inputs).coerceString(),
    );
  const condition = (cond: string | boolean | undefined, inputs: Record<string, string>): boolean => {
    if (cond === undefined) return !failed;
    let text = String(cond).trim();
    const m = /^\$\{\{([\s\S]*)\}\}$/.exec(text);
    if (m) text = m[1]!;
    if (!/\b(success|failure|always|cancelled)\s*\(/.test(text)) text = `success() && (${text})`;
    return truthy(evaluate(text, inputs));
  };

  // inputs: given values over defaults; a default may itself be an expression (${{ github.token }})
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs ?? {})) {
    if (v?.default !== undefined) inputs[k] = template(v.default, {});
  }
  Object.assign(inputs, opts.inputs);

  let log = '';
  const extraPath: string[] = [];
  for (const [i, step] of action.runs.steps.entries()) {
    const id = step.id ?? `__${i}`;
    const record: StepRecord = { id, executed: false, outcome: 'skipped', outputs: {}, env: {}, log: '' };
    steps.push(record);
    if (!condition(step.if, inputs)) {
      stepsCtx[id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
      continue;
    }
    if (step.uses)
      throw new Error(`step ${id} (uses: ${step.uses}) would run: this harness runs only run: steps`);
    if (step.shell !== 'bash') throw new Error(`step ${id}: composite run steps need shell: bash`);
    for (const [k, v] of Object.entries(step.env ?? {})) record.env[k] = template(v, inputs);
    const outputFile = join(work, `output-${i}`);
    const pathFile = join(work, `path-${i}`);
    const script = join(work, `step-${i}.sh`);
    writeFileSync(outputFile, '');
    writeFileSync(pathFile, '');
    writeFileSync(script, step.run ?? '');
    const env = {
      ...opts.env,
      PATH: [...extraPath, opts.env.PATH ?? process.env.PATH].join(':'),
      ...record.env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_PATH: pathFile,
      GITHUB_ACTION_PATH: opts.actionPath,
    };
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (record.log += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (record.log += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    record.executed = true;
    record.outcome = code === 0 ? 'success' : 'failure';
    record.outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    extraPath.unshift(...readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse());
    if (code !== 0) failed = true;
    stepsCtx[id] = { outcome: record.outcome, conclusion: record.outcome, outputs: record.outputs };
    log += `== step ${id}: ${record.outcome}\n${record.log}`;
  }
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.outputs ?? {})) outputs[k] = template(v.value, inputs);
  return { steps, outputs, outcome: failed ? 'failure' : 'success', log };
}
