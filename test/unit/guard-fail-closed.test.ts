import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PATHS, discover } from '../../src/guard/discover.js';
import type { Finding } from '../../src/guard/findings.js';
import { runGuard, type GuardOptions } from '../../src/guard/guard.js';
import { analyzePreview } from '../../src/guard/preview.js';
import { StatefulTypes } from '../../src/guard/stateful.js';
import { guardDefaults } from '../helpers/guard-corpus.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A workspace made of the given files (path -> text). */
function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(join(tmpdir(), 'guard-closed-'));
  made.push(ws);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, file)), { recursive: true });
    writeFileSync(join(ws, file), text);
  }
  return ws;
}

function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.file ?? '-'}:${f.line ?? '-'}`);
}

function run(ws: string, extra: Partial<GuardOptions> = {}) {
  return runGuard(guardDefaults(ws, extra));
}

const PROTECTED_TS = `import * as aws from '@pulumi/aws';\nnew aws.rds.Instance('db', {}, { protect: true, retainOnDelete: true });\n`;

describe('what the guard cannot read is a finding (LB007), never a pass', () => {
  it.each(['python', 'go', 'dotnet', 'java'])('a Pulumi project in %s', async (runtime) => {
    const ws = workspace({
      'infra/Pulumi.yaml': `name: app\nruntime: ${runtime}\n`,
      'infra/__main__.py': '',
    });
    const r = await run(ws);
    expect(brief(r.findings)).toEqual(['LB007 error infra/Pulumi.yaml:-']);
    expect(r.findings[0]!.message).toContain(`runtime "${runtime}" is not read`);
    expect(r.findings[0]!.fix).toContain('skip');
    expect(r.findings[0]!.fix).toContain('unsupported: warn');
  });

  it('runtime given as a map is read as its name', async () => {
    const ws = workspace({
      'Pulumi.yaml': 'name: app\nruntime:\n  name: python\n  options:\n    toolchain: uv\n',
    });
    expect((await run(ws)).findings[0]!.message).toContain('runtime "python"');
  });

  it('a nodejs project whose main is built JavaScript, or that has no TypeScript', async () => {
    const built = workspace({
      'Pulumi.yaml': 'name: app\nruntime: nodejs\nmain: bin/index.js\n',
      'bin/index.js': "new aws.rds.Instance('db', {});\n",
      'index.ts': PROTECTED_TS,
    });
    const r = await run(built);
    expect(brief(r.findings)).toEqual(['LB007 error Pulumi.yaml:-']);
    expect(r.findings[0]!.message).toContain('built JavaScript (bin/index.js)');
    const js = workspace({ 'Pulumi.yaml': 'name: app\nruntime: nodejs\n', 'index.js': '' });
    expect((await run(js)).findings[0]!.message).toContain('written in JavaScript');
  });

  it('`unsupported: warn` reports them as warnings; a skip with a reason keeps the file out', async () => {
    const ws = workspace({
      'legacy/Pulumi.yaml': 'name: old\nruntime: go\n',
      'Pulumi.yaml': 'name: app\nruntime: nodejs\n',
      'index.ts': PROTECTED_TS,
    });
    expect(brief((await run(ws, { unsupported: 'warn' })).findings)).toEqual([
      'LB007 warning legacy/Pulumi.yaml:-',
    ]);
    const r = await run(ws, { skip: [{ glob: 'legacy/**', reason: 'checked by its pulumi preview' }] });
    expect(brief(r.findings)).toEqual([]);
    expect(r.notes).toContain('skip legacy/**: folder not read (checked by its pulumi preview)');
  });

  it('a glob in paths that matches nothing; defaults that match nothing and no preview', async () => {
    const ws = workspace({ 'fly.toml': 'app = "a"\n' });
    const r = await run(ws, { paths: ['fly.toml', 'infra/sst.config.ts'] });
    expect(brief(r.findings)).toEqual(['LB007 error -:-']);
    expect(r.findings[0]!.resource).toBe('paths: infra/sst.config.ts');
    const empty = workspace({ 'README.md': '' });
    expect((await run(empty)).findings.map((f) => f.message)).toEqual([
      expect.stringContaining('nothing was checked'),
    ]);
    expect((await run(empty, { previews: ['p.json'] })).findings.map((f) => f.rule)).toEqual(['LB005']);
  });

  it('a workspace larger than the file limit; a skipped folder does not count toward it', async () => {
    const files: Record<string, string> = { 'fly.toml': 'app = "a"\n' };
    for (let i = 0; i < 5; i++) files[`assets/img${i}.png`] = '';
    const ws = workspace(files);
    const r = await run(ws, { maxFiles: 4 });
    expect(brief(r.findings)).toEqual(['LB007 error -:-']);
    expect(r.findings[0]!.message).toContain('more than 4 files');
    expect(
      brief((await run(ws, { maxFiles: 4, skip: [{ glob: 'assets/**', reason: 'images' }] })).findings),
    ).toEqual([]);
  });

  it('an unreadable folder and an unreadable file', async () => {
    const ws = workspace({ 'fly.toml': 'app = "a"\n', 'infra/sst.config.ts': '' });
    const d = discover({
      workspace: ws,
      paths: DEFAULT_PATHS,
      readDir: (abs) => {
        if (abs.endsWith('infra')) throw new Error('EACCES: permission denied');
        return readdirSync(abs, { withFileTypes: true });
      },
    });
    expect(brief(d.findings)).toEqual(['LB007 error infra:-']);
    expect(d.findings[0]!.message).toContain('cannot list the folder infra (EACCES');
    // root reads every file: a link to itself is a file nobody can read
    const loop = workspace({});
    symlinkSync('sst.config.ts', join(loop, 'sst.config.ts'));
    const r = await run(loop);
    expect(brief(r.findings)).toEqual(['LB007 error sst.config.ts:-']);
    expect(r.findings[0]!.message).toContain('cannot read sst.config.ts');
  });

  it('test files are not the program', async () => {
    const ws = workspace({
      'Pulumi.yaml': 'name: app\nruntime: nodejs\n',
      'index.ts': PROTECTED_TS,
      'index.test.ts': "new aws.rds.Instance('mocked', {});\n",
      'tests/db.ts': "new aws.rds.Instance('mocked', {});\n",
      '__tests__/db.ts': "new aws.rds.Instance('mocked', {});\n",
    });
    const r = await run(ws);
    expect(r.files.map((f) => f.file)).toEqual(['index.ts']);
    expect(brief(r.findings)).toEqual([]);
    expect(r.notes).toContain(
      '3 test file(s) (*.test.ts, *.spec.ts, test/, __tests__/) are not the program: not read',
    );
  });
});

describe('a preview that is not a preview or a plan is rejected, not judged clean', () => {
  const stateful = new StatefulTypes();
  it.each([
    [
      'a terraform state',
      { format_version: '1.0', terraform_version: '1.9.8', values: { root_module: {} } },
      'Terraform state',
    ],
    ['a provider schema', { format_version: '1.0', provider_schemas: {} }, 'provider schema'],
    ['a pulumi stack export', { version: 3, deployment: { resources: [] } }, 'stack export'],
    ['an empty terraform document', { format_version: '1.0' }, 'not a plan'],
    ['another JSON object', { name: 'package' }, 'neither'],
    ['an array', [], 'not a JSON object'],
  ])('%s', (_what, doc, says) => {
    const f = analyzePreview('p.json', JSON.stringify(doc), stateful);
    expect(brief(f)).toEqual(['LB005 error p.json:1']);
    expect(f[0]!.message).toContain(says);
  });

  it('a plan without changes is a plan', () => {
    const plan = { format_version: '1.2', planned_values: { root_module: {} }, errored: false };
    expect(analyzePreview('p.json', JSON.stringify(plan), stateful)).toEqual([]);
  });

  it('a UTF-8 or UTF-16 byte-order mark (PowerShell Out-File) is accepted', async () => {
    const doc = JSON.stringify({
      steps: [{ op: 'delete', urn: 'urn:pulumi:production::a::aws:rds/instance:Instance::db' }],
    });
    const ws = workspace({});
    writeFileSync(join(ws, 'utf8.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc)]));
    writeFileSync(
      join(ws, 'utf16.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]),
    );
    const r = await run(ws, { paths: [], previews: ['utf8.json', 'utf16.json'] });
    expect(brief(r.findings)).toEqual(['LB005 error utf16.json:1', 'LB005 error utf8.json:1']);
    expect(r.findings.every((f) => f.message.includes('would delete db'))).toBe(true);
  });
});
