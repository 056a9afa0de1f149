import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
