import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export interface Diagnostic {
  line: number;
  severity: number | undefined;
  message: string;
}

/**
 * GitHub's own parser (@actions/languageservice) on files, in a child process under tsx: see
 * scripts/validate-actions.ts. A file named action.yml is validated as an action, any other as a
 * workflow. Returns the diagnostics of each file, by the name it was given.
 */
export function validateFiles(files: string[]): Record<string, Diagnostic[]> {
  if (files.length === 0) return {};
  const child = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'scripts/validate-actions.ts'), ...files],
    { cwd: root, encoding: 'utf8' },
  );
  if (!child.stdout) throw new Error(`validate-actions.ts printed nothing: ${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, Diagnostic[]>;
}

/**
 * The same validation of workflows held in memory (keyed by any name): each is written to a
 * temporary directory that is removed before this returns.
 */
export function validateWorkflowTexts(texts: Record<string, string>): Record<string, Diagnostic[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-doc-workflows-'));
  try {
    const names = Object.keys(texts);
    const files = names.map((_, i) => join(dir, `workflow-${i}.yml`));
    names.forEach((name, i) => writeFileSync(files[i]!, texts[name]!));
    const byFile = validateFiles(files);
    return Object.fromEntries(names.map((name, i) => [name, byFile[files[i]!] ?? []]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
