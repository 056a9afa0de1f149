import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsePhases } from '../../bench/figures.js';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { backedUp, Folders } from '../helpers/restore-targets.js';

/**
 * The CLI bundle loads, of each command, only what that command runs (src/cli/commands.ts, the
 * invariant): `lifeboat ls` and `diff` never load the chunk that holds the TypeScript compiler,
 * most of the bundle's bytes (guard needs it, and does load it). Which chunks a process loaded is
 * what bench/phase-timer.mjs, preloaded through NODE_OPTIONS, saw imported (Node's module.import
 * diagnostics channel): the same tool the benchmark splits `ls` and `diff` into phases with.
 */

const root = new URL('../..', import.meta.url).pathname;
const CLI_DIR = join(root, 'dist/cli');
const TIMER = { NODE_OPTIONS: `--import=${join(root, 'bench/phase-timer.mjs')}` };

/** The bundle's files a process loaded: its entry and every chunk it imported. */
function loadedFiles(stderr: string): string[] {
  const phases = parsePhases(stderr);
  expect(phases, stderr).not.toBeNull();
  // the entry is a file: URL, a chunk the relative specifier the bundle imported it by
  return phases!.imports.map((i) =>
    i.url.startsWith('file://') ? new URL(i.url).pathname : join(CLI_DIR, i.url),
  );
}

/** The chunk of the TypeScript compiler: the one file of the bundle that defines its version. */
const holdsCompiler = (file: string) => readFileSync(file, 'utf8').includes('versionMajorMinor = "');
const bytes = (files: string[]) => files.reduce((t, f) => t + statSync(f).size, 0);

const folders = new Folders();
afterAll(() => folders.removeAll());
const backed = { bucket: '' };

beforeAll(async () => {
  const volume = folders.fixture(50_000);
  backed.bucket = (await backedUp(volume)).bucket;
});

it('ls lists the snapshot without loading the TypeScript compiler; guard loads it', async () => {
  const ls = await runCli(['ls', '--target', 'vol', ...storageFlags(backed.bucket), '--json'], TIMER);
  expect(ls.code, ls.stderr).toBe(0);
  expect((JSON.parse(ls.stdout) as { entries: unknown[] }).entries.length).toBeGreaterThan(3);
  const lsFiles = loadedFiles(ls.stderr);
  expect(lsFiles.filter(holdsCompiler)).toEqual([]);

  // an empty workspace: guard finds nothing to read, but its run has loaded its engine
  const workspace = folders.scratch('lifeboat-guard-workspace-');
  const guard = await runCli(['guard', '--workspace', workspace, '--json'], TIMER);
  expect([0, 1], guard.stderr).toContain(guard.code);
  const guardFiles = loadedFiles(guard.stderr);
  expect(guardFiles.filter(holdsCompiler)).toHaveLength(1);
  // the compiler is most of what guard loads, and ls loads less than a third of guard's bytes
  expect(bytes(lsFiles) * 3).toBeLessThan(bytes(guardFiles));
});
