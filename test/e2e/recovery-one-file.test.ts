import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flyStandin } from '../helpers/cli-run.js';
import { fencedBlocks } from '../helpers/doc-blocks.js';
import { describeTree, type TreeEntry } from '../helpers/fixture-volume.js';
import { NODE24 } from '../helpers/node24.js';
import { backedUp, Folders } from '../helpers/restore-targets.js';
import { STANDIN_BIN } from '../helpers/run-action.js';
import { s3Env, s3Server } from '../helpers/s3.js';

/**
 * docs/RECOVERY.md "Get one file back", exactly as a person copies it: the ```sh blocks between
 * the `<!-- get-one-file-back:start/end -->` markers, in order, as one bash script, with the
 * variables its first block sets and `lifeboat` as section 0's alias defines it, against the test
 * Ceph and the flyctl stand-in (the machine).
 */

const root = new URL('../..', import.meta.url).pathname;
const MARKER = 'get-one-file-back';
const FILE = 'uploads/2026/11/photo one.jpg';

function scenarioCommands(): string {
  const text = readFileSync(join(root, 'docs/RECOVERY.md'), 'utf8');
  const start = text.indexOf(`<!-- ${MARKER}:start -->`);
  const end = text.indexOf(`<!-- ${MARKER}:end -->`);
  if (start < 0 || end < start) throw new Error(`docs/RECOVERY.md has no ${MARKER} markers`);
  return fencedBlocks(text.slice(start, end), 'docs/RECOVERY.md')
    .filter((b) => b.lang === 'sh')
    .map((b) => b.text)
    .join('\n');
}

const folders = new Folders();
afterAll(() => folders.removeAll());
/** The fixture's tree, and the bucket and snapshot its backup made (before the tests). */
const backed = { source: {} as Record<string, TreeEntry>, bucket: '', id: '' };

beforeAll(async () => {
  const volume = folders.fixture(300_000);
  backed.source = describeTree(volume);
  const { bucket, id } = await backedUp(volume);
  Object.assign(backed, { bucket, id });
});

/** The scenario's commands with bash in a fresh folder, `machine` as the Fly app's /data. */
function runScenario(work: string, machine: string, file = FILE) {
  const s = s3Server();
  // section 0: alias lifeboat="node $PWD/dist/cli/index.js" (a function: aliases are off in scripts)
  const alias = `lifeboat() { "${NODE24}" "${join(root, 'dist/cli/index.js')}" "$@"; }`;
  return spawnSync('bash', ['-euo', 'pipefail', '-c', `${alias}\n${scenarioCommands()}`], {
    cwd: work,
    encoding: 'utf8',
    env: {
      PATH: `${STANDIN_BIN}:${process.env.PATH}`,
      HOME: work,
      ...s3Env(),
      ...flyStandin(machine),
      // section 0's exports
      LIFEBOAT_BUCKET: backed.bucket,
      LIFEBOAT_ENDPOINT: s.endpoint,
      LIFEBOAT_FORCE_PATH_STYLE: 'true',
      // the scenario's first block
      T: 'vol',
      APP: 'my-app',
      F: file,
      S: 'latest',
    },
  });
}

describe('docs/RECOVERY.md "Get one file back"', () => {
  it('the commands between the markers use dump, restore --include --to, and --include --apply', () => {
    const script = scenarioCommands();
    for (const c of ['lifeboat dump', '--include "$F" --to', '--apply --confirm "$ID"'])
      expect(script).toContain(c);
  });

  it('gets the file back: to a file, into a folder, and in place on the machine (only that path)', () => {
    const work = folders.scratch('lb-one-file-');
    const machine = join(folders.scratch('lb-one-file-fly-'), 'volume');
    mkdirSync(join(machine, 'uploads/2026/11'), { recursive: true });
    writeFileSync(join(machine, FILE), 'the overwritten photo\n');
    writeFileSync(join(machine, 'app.db'), 'the live database\n');

    const r = runScenario(work, machine);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    // 1. dump
    expect(describeTree(work)['recovered.file']?.sha256).toBe(backed.source[FILE]!.sha256);
    // 2. restore --include --to: the file and the folders it is in, nothing else
    const recovered = describeTree(join(work, 'recovered'));
    expect(Object.keys(recovered).sort()).toEqual(['uploads', 'uploads/2026', 'uploads/2026/11', FILE]);
    expect(recovered[FILE]).toEqual(backed.source[FILE]);
    // 3. in place: the file is the snapshot's, the overwritten one is kept aside, the rest is live
    expect(r.stdout).toContain(backed.id);
    expect(describeTree(machine)[FILE]).toEqual(backed.source[FILE]);
    expect(readFileSync(join(machine, 'app.db'), 'utf8')).toBe('the live database\n');
    const aside = readdirSync(machine).filter((n) => n.startsWith('.lifeboat-pre-restore-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(machine, aside[0]!, FILE), 'utf8')).toBe('the overwritten photo\n');
  });

  it('a path the snapshot does not hold stops at step 1 with exit 2: nothing restored, the machine untouched', () => {
    const work = folders.scratch('lb-one-file-none-');
    const machine = join(folders.scratch('lb-one-file-none-fly-'), 'volume');
    mkdirSync(machine);
    writeFileSync(join(machine, 'app.db'), 'the live database\n');
    const r = runScenario(work, machine, '/data/uploads/photo one.jpg');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('holds no "data/uploads/photo one.jpg"');
    // the shell made recovered.file for the redirect; lifeboat wrote nothing into it
    expect(readFileSync(join(work, 'recovered.file')).length).toBe(0);
    expect(existsSync(join(work, 'recovered'))).toBe(false);
    expect(readdirSync(machine)).toEqual(['app.db']);
  });
});
