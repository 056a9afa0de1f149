import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFinding, corpusCases } from '../helpers/guard-corpus.js';
import { runAction } from '../helpers/run-action.js';

const cases = corpusCases();

/**
 * The shipped bundle over every corpus case (shapes of real public repositories, written by hand,
 * findings judged by hand in expected.json): the same answers as the engine in process
 * (test/unit/guard-corpus.test.ts), from dist/protected-deploy-guard/index.js under Node 24.
 */
describe('protected-deploy-guard bundle over the corpus', () => {
  it('has the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runAction('protected-deploy-guard', {
      inputs: { 'github-token': '', ...c.inputs },
      env: { GITHUB_WORKSPACE: c.dir, GITHUB_EVENT_NAME: 'push' },
    });
    const reportPath = run.outputs['report-path'];
    expect(reportPath && existsSync(reportPath), run.log).toBeTruthy();
    const report = JSON.parse(readFileSync(reportPath!, 'utf8')) as {
      violations: number;
      findings: { rule: string; severity: string; file?: string; line?: number }[];
      notes: string[];
    };
    rmSync(dirname(run.runnerTemp), { recursive: true, force: true });
    expect(report.findings.map(briefFinding)).toEqual(c.findings);
    for (const n of c.notes) expect(report.notes.join('\n')).toContain(n);
    const errors = c.findings.filter((f) => f.includes(' error ')).length;
    expect(report.violations).toBe(errors);
    expect(run.code, run.log).toBe(errors > 0 ? 1 : 0);
  });
});
