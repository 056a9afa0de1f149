import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { escapeHtml } from '../../src/actions/common/summary.js';
import type { ActionRun } from './run-action.js';

const root = new URL('../..', import.meta.url).pathname;

/** The outputs declared in actions/<name>/action.yml. */
export function declaredOutputs(name: string): string[] {
  const doc = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
    outputs?: Record<string, unknown>;
  };
  return Object.keys(doc.outputs ?? {});
}

/**
 * A failed step as the runner leaves it (src/actions/common/run-step.ts): every declared output
 * set, and a job summary that ends with what failed and the fix: the error's message, escaped.
 */
export function expectFailureReported(run: ActionRun, name: string): void {
  expect(Object.keys(run.outputs).sort(), run.log).toEqual(declaredOutputs(name).sort());
  const failure = run.errors.at(-1);
  expect(failure, run.log).toBeDefined();
  expect(run.summary).toMatch(new RegExp(`<h2>❌ ${name} failed</h2>|<h3>❌ Failed</h3>`));
  expect(run.summary.trimEnd().endsWith(`<p>${escapeHtml(failure!)}</p>`), run.summary).toBe(true);
}
