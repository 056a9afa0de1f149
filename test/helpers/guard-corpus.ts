import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PATHS } from '../../src/guard/discover.js';
import type { GuardOptions } from '../../src/guard/guard.js';
import { StatefulTypes } from '../../src/guard/stateful.js';

/** The engine's options as the action's defaults give them, for a workspace; `extra` overrides. */
export function guardDefaults(workspace: string, extra: Partial<GuardOptions> = {}): GuardOptions {
  return {
    workspace,
    paths: DEFAULT_PATHS,
    stateful: new StatefulTypes(),
    protectedStages: ['production'],
    minSnapshotRetention: 7,
    previews: [],
    now: new Date('2026-11-23T12:00:00Z'),
    ...extra,
  };
}

/** test/fixtures/guard/corpus: one folder per case, written by hand after a shape seen in a public repository. */
export const CORPUS = new URL('../fixtures/guard/corpus', import.meta.url).pathname;

export interface CorpusCase {
  name: string;
  dir: string;
  /** Action inputs beyond the defaults (for example `preview`). */
  inputs: Record<string, string>;
  /** "LB001 error file:line" per finding, sorted by place: judged by hand. */
  findings: string[];
  /** Substrings each expected among the notes. */
  notes: string[];
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = join(CORPUS, e.name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Partial<CorpusCase>;
      return {
        name: e.name,
        dir,
        inputs: expected.inputs ?? {},
        findings: expected.findings ?? [],
        notes: expected.notes ?? [],
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The brief form of a finding that expected.json lists. */
export function briefFinding(f: { rule: string; severity: string; file?: string; line?: number }): string {
  return `${f.rule} ${f.severity} ${f.file ?? '-'}:${f.line ?? '-'}`;
}
