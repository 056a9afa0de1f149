import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../src/guard/guard.js';
import { splitLines, type OptionReader } from '../../src/options/option-reader.js';
import { guardOptions, readGuard } from '../../src/options/guard-options.js';
import { briefFinding, corpusCases } from '../helpers/guard-corpus.js';
import { actionDefaults } from '../helpers/run-action.js';

/** The action's inputs as the runner gives them: action.yml defaults, then the case's own. */
function reader(inputs: Record<string, string>): OptionReader {
  const values = { ...actionDefaults('protected-deploy-guard'), ...inputs };
  const text = (name: string) => (values[name] ?? '').trim();
  return { text, lines: (name) => splitLines(values[name] ?? ''), flag: (name) => text(name) === 'true' };
}

const cases = corpusCases();

describe('the corpus of real-project shapes, in process (the e2e test runs the bundle over the same cases)', () => {
  it('has at least 60 cases, each with its source: a repository file at a commit, or "no repository found"', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) {
      const source = readFileSync(join(c.dir, 'SOURCE.md'), 'utf8');
      expect(source, c.name).toMatch(/^Shape from \S+/);
      // the issue asks for the repository, path and commit that shows each shape; where none was
      // found the SOURCE.md says so (with the documentation it follows) rather than cite nothing
      expect(/ @ [0-9a-f]{40}\b/.test(source) || /no repository found/i.test(source), c.name).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await runGuard(
      guardOptions(readGuard(reader(c.inputs)), c.dir, new Date('2026-11-23T12:00:00Z')),
    );
    expect(r.findings.map(briefFinding)).toEqual(c.findings);
    for (const n of c.notes) expect(r.notes.join('\n')).toContain(n);
  });
});
