import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fencedBlocks } from '../helpers/doc-blocks.js';
import { describeTree, makeFixtureVolume } from '../helpers/fixture-volume.js';
import { NODE24 } from '../helpers/node24.js';
import { flyStandin, runCli, storageFlags } from '../helpers/cli-run.js';
import { runAction } from '../helpers/run-action.js';
import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { createBucket, listKeys, s3Env, s3Server, testClient } from '../helpers/s3.js';

/**
 * The CLI as a person at a terminal reads it (issue 16, "Words a person at a terminal
 * understands"): its messages name flags and environment variables, never action inputs; mistakes
 * are named with the fix; --json fails as JSON; secrets are never echoed. Each case runs the
 * shipped bundle (dist/cli/index.js) as a process against the test Ceph RGW.
 */

const root = new URL('../..', import.meta.url).pathname;
const lifeboat = runCli;
const both = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

/** A directory below the run's TMPDIR whose own path holds a space and non-ASCII letters. */
function oddPathVolume(): string {
  const parent = mkdtempSync(join(tmpdir(), 'lifeboat-words-'));
  const dir = join(parent, 'vol with space données');
  mkdirSync(join(dir, 'sub dir'), { recursive: true });
  writeFileSync(join(dir, 'app.db'), 'rows\n'.repeat(1000));
  writeFileSync(join(dir, 'sub dir', 'café.txt'), 'crème\n');
  return dir;
}

/** A new age key pair made by the real age-keygen. */
function ageKey(): { identity: string; recipient: string } {
  const out = execFileSync('age-keygen', [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const identity = out.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
  const recipient = execFileSync('age-keygen', ['-y'], { input: `${identity}\n`, encoding: 'utf8' }).trim();
  return { identity, recipient };
}

describe('the CLI speaks flags, not action inputs (dist/cli bundle, Ceph RGW)', () => {
  it('a missing bucket, an unversioned bucket, a shrink and a missing FLY_API_TOKEN are named in flags and environment variables', async () => {
    const volume = makeFixtureVolume({ bigBytes: 100_000 });
    const missing = await lifeboat(['backup', '--local', '--path', volume, '--target', 'box']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--bucket is required');
    expect(missing.stderr).not.toContain("Input '");

    const unversioned = await createBucket({ versioned: false });
    const v = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'box',
      ...storageFlags(unversioned),
    ]);
    expect(v.code).toBe(2);
    // the suggested command has the real bucket, and the way out is the CLI's own flag
    expect(v.stderr).toContain(`put-bucket-versioning --bucket ${unversioned} `);
    expect(v.stderr).toContain('pass --no-require-versioning');
    expect(v.stderr).not.toMatch(/require-versioning: false|<bucket>/);

    const bucket = await createBucket();
    const first = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'box',
      ...storageFlags(bucket),
    ]);
    expect(first.code, first.stderr).toBe(0);
    for (const f of ['uploads', 'app.db']) rmSync(join(volume, f), { recursive: true, force: true });
    const shrunk = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'box',
      ...storageFlags(bucket),
    ]);
    expect(shrunk.code, shrunk.stderr).toBe(1);
    expect(shrunk.stderr).toContain('re-run with --allow-shrink');
    expect(shrunk.stderr).not.toContain('allow-shrink: true');

    const fly = { ...flyStandin(volume), FLY_API_TOKEN: '' };
    const noToken = await lifeboat(['backup', '--app', 'my-app', ...storageFlags(bucket)], fly);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('export FLY_API_TOKEN=');
    expect(noToken.stderr).not.toContain('repository secret');
  });

  it('the actions keep their own words: Input ... is required, and require-versioning: false', async () => {
    const unversioned = await createBucket({ versioned: false });
    const volume = makeFixtureVolume();
    const run = await runAction('fly-volume-backup', {
      inputs: {
        app: 'my-app',
        bucket: unversioned,
        endpoint: s3Server().endpoint,
        'force-path-style': 'true',
      },
      env: { ...s3Env(), ...flyStandin(volume) },
    });
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('set require-versioning: false');
    expect(run.log).toContain(`--bucket ${unversioned} `);
    expect(run.log).not.toContain('--no-require-versioning');
  });

  it('an encrypted snapshot without its identity, a bad identity or recipient and a missing --path are named in flags, no hint blanked out as a secret', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const { recipient } = ageKey();
    const flags = ['--target', 'box', ...storageFlags(bucket)];
    const made = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      ...flags,
      '--encryption-recipients',
      recipient,
    ]);
    expect(made.code, made.stderr).toBe(0);

    const missing = await lifeboat(['verify', ...flags]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'it needs the identity (the secret key in the key file age-keygen wrote) of one of those recipients; give it in the environment variable LIFEBOAT_DECRYPTION_IDENTITY',
    );
    const notAKey = await lifeboat(['verify', ...flags], { LIFEBOAT_DECRYPTION_IDENTITY: 'not-a-key' });
    expect(notAKey.code).toBe(2);
    expect(notAKey.stderr).toContain(
      '--decryption-identity is not an age identity: give the secret key line of the key file made by age-keygen (or the whole file).',
    );
    const notARecipient = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      ...flags,
      '--encryption-recipients',
      'age1nope',
    ]);
    expect(notARecipient.code).toBe(2);
    expect(notARecipient.stderr).toContain('public key printed by `age-keygen` (never its secret key).');

    const noPath = await lifeboat([
      'backup',
      '--local',
      '--path',
      join(volume, 'gone'),
      '--target',
      'other',
      ...storageFlags(bucket),
    ]);
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toContain("is not a directory: set --path to the volume's mount point.");
    for (const r of [missing, notAKey, notARecipient, noPath]) {
      expect(r.stderr).not.toContain('not shown');
      expect(r.stderr).not.toContain(' input');
    }
  });
});

describe('mistakes get the fix and the documented exit code', () => {
  it('a mistyped flag names the closest one and exits 2; nothing close gets no guess', async () => {
    const typo = await lifeboat(['backup', '--local', '--path', '/srv', '--keep-lsat', '3']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown option --keep-lsat (did you mean --keep-last?)');
    const far = await lifeboat(['snapshots', '--zzzzqqq']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('unknown option --zzzzqqq');
    expect(far.stderr).not.toContain('did you mean');
  });

  it("wrong credentials exit with the code of the README's exit-code row that names them", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('**Exit codes**'));
    const rows = table.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    const credentialsRow = rows.find((l) => /wrong or missing credentials/.test(l));
    expect(credentialsRow, 'the exit-code table names wrong credentials').toBeDefined();
    const documented = Number(/^\| (\d+) \|/.exec(credentialsRow!)![1]);
    const bucket = await createBucket();
    const badKey = await lifeboat(['snapshots', '--target', 'box', ...storageFlags(bucket)], {
      AWS_ACCESS_KEY_ID: 'NOSUCHKEY0000000000',
    });
    expect(badKey.stderr).toMatch(/InvalidAccessKeyId|credentials are wrong/);
    expect(badKey.code, badKey.stderr).toBe(documented);
    const badSecret = await lifeboat(['snapshots', '--target', 'box', ...storageFlags(bucket)], {
      AWS_SECRET_ACCESS_KEY: 'wrong-secret-0000000000000',
    });
    expect(badSecret.stderr).toMatch(/SignatureDoesNotMatch|credentials are wrong/);
    expect(badSecret.code, badSecret.stderr).toBe(documented);
  });

  it('backup without --target prints the target it chose and refuses one whose snapshots are of another source', async () => {
    const bucket = await createBucket();
    const a = join(mkdtempSync(join(tmpdir(), 'lifeboat-words-')), 'data');
    const b = join(mkdtempSync(join(tmpdir(), 'lifeboat-words-')), 'data');
    for (const d of [a, b]) {
      mkdirSync(d);
      writeFileSync(join(d, 'f.txt'), d);
    }
    const first = await lifeboat(['backup', '--local', '--path', a, ...storageFlags(bucket)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`target: data (the name of the local directory ${a}`);
    const before = await listKeys(bucket, 'lifeboat/data/');
    const other = await lifeboat(['backup', '--local', '--path', b, ...storageFlags(bucket)]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`holds snapshots of the local directory ${a}`);
    expect(other.stderr).toContain(`this backup is of the local directory ${b}`);
    expect(await listKeys(bucket, 'lifeboat/data/')).toEqual(before);
    // the same source again, and another source into a target named on purpose, are backed up
    expect((await lifeboat(['backup', '--local', '--path', a, ...storageFlags(bucket)])).code).toBe(0);
    expect(
      (await lifeboat(['backup', '--local', '--path', b, '--target', 'data', ...storageFlags(bucket)])).code,
    ).toBe(0);
  });
});

describe('any absolute path, safely quoted', () => {
  it('a local directory whose path has a space and non-ASCII letters backs up and restores byte for byte', async () => {
    const bucket = await createBucket();
    const volume = oddPathVolume();
    const b = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'odd',
      ...storageFlags(bucket),
      '--json',
    ]);
    expect(b.code, b.stderr).toBe(0);
    const to = join(dirname(volume), 'restored à part');
    const r = await lifeboat(['restore', '--target', 'odd', '--to', to, ...storageFlags(bucket)]);
    expect(r.code, r.stderr).toBe(0);
    expect(describeTree(to)).toEqual(describeTree(volume));
  });

  it('a Fly machine (flyctl stand-in) whose volume is mounted at such a path backs up, and the plan to restore quotes it', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const mount = join(mkdtempSync(join(tmpdir(), 'lifeboat-words-')), 'vol with space données');
    const env = { ...flyStandin(volume), FLY_STANDIN_REMOTE_PATH: mount };
    const b = await lifeboat(
      ['backup', '--app', 'my-app', '--path', mount, ...storageFlags(bucket), '--json'],
      env,
    );
    expect(b.code, b.stderr).toBe(0);
    const { entries } = JSON.parse(b.stdout) as { entries: number };
    expect(entries).toBeGreaterThan(3);
    const plan = await lifeboat(
      ['restore', '--target', 'my-app', '--app', 'my-app', '--path', mount, ...storageFlags(bucket)],
      env,
    );
    expect(plan.code, plan.stderr).toBe(0);
    // the command to run next has the real bucket, target, app and the path quoted for sh
    expect(plan.stdout).toContain(
      `lifeboat restore --bucket ${bucket} --prefix lifeboat --endpoint ${s3Server().endpoint} --force-path-style --target my-app --app my-app --path '${mount}' --snapshot `,
    );
  });
});

describe('snapshots says its order and marks latest', () => {
  it('a header says newest first, * marks the snapshot latest.json names, columns align with labels; --json has latest', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const flags = ['--local', '--path', volume, '--target', 'box', ...storageFlags(bucket)];
    expect((await lifeboat(['backup', ...flags])).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // ids are seconds
    const labelled = await lifeboat(['backup', ...flags, '--label', 'before-migration', '--json']);
    expect(labelled.code, labelled.stderr).toBe(0);
    const newest = (JSON.parse(labelled.stdout) as { snapshotId: string }).snapshotId;

    const s = await lifeboat(['snapshots', '--target', 'box', ...storageFlags(bucket)]);
    expect(s.code, s.stderr).toBe(0);
    const lines = s.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/newest first/);
    expect(lines[0]).toMatch(/\* = latest/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^\\* ${newest} `));
    expect(lines[2]).toMatch(/^ {2}\d{8}T\d{6}Z /);
    // the state column starts at the same place on both lines
    expect(lines[1]!.indexOf(' ok ')).toBe(lines[2]!.indexOf(' ok '));

    const j = await lifeboat(['snapshots', '--target', 'box', ...storageFlags(bucket), '--json']);
    const list = JSON.parse(j.stdout) as { id: string; latest: boolean }[];
    expect(list.map((e) => [e.id, e.latest])).toEqual([
      [newest, true],
      [list[1]!.id, false],
    ]);
  });

  it('docs/RECOVERY.md describes the listing as it is: newest first, never "newest last"', () => {
    const recovery = readFileSync(join(root, 'docs/RECOVERY.md'), 'utf8');
    expect(recovery).not.toMatch(/newest last/i);
    expect(recovery).toMatch(/`\*` marks the snapshot `latest.json` names/);
  });
});

describe('output a script can rely on', () => {
  it('--json prints a JSON error object on stdout with the exit code', async () => {
    const r = await lifeboat(['backup', '--local', '--path', '/srv', '--target', 'x', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { kind: 'configuration', message: expect.stringContaining('--bucket is required'), exitCode: 2 },
    });
    const typo = await lifeboat(['snapshots', '--json', '--bukcet', 'b']);
    expect(JSON.parse(typo.stdout)).toMatchObject({ error: { kind: 'configuration', exitCode: 2 } });
  });

  it('output piped into head -1 (a reader that goes away) ends quietly with the exit code of the command', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const flags = ['--local', '--path', volume, '--target', 'box', ...storageFlags(bucket)];
    expect((await lifeboat(['backup', ...flags])).code).toBe(0);
    const cli = join(root, 'dist/cli/index.js');
    const args = ['snapshots', '--target', 'box', ...storageFlags(bucket)];
    for (const reader of ['head -1', 'true']) {
      const r = spawnSync(
        'bash',
        ['-c', `"$0" "$@" | ${reader} >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`, NODE24, cli, ...args],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmpdir(), ...s3Env() },
        },
      );
      expect(r.stderr, reader).not.toMatch(/EPIPE|Error|at /);
      expect(r.stderr, reader).toContain('status=0');
    }
  });

  it('a verify prints each pass line once', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    expect(
      (await lifeboat(['backup', '--local', '--path', volume, '--target', 'box', ...storageFlags(bucket)]))
        .code,
    ).toBe(0);
    const v = await lifeboat([
      'verify',
      '--target',
      'box',
      ...storageFlags(bucket),
      '--required-paths',
      'app.db',
    ]);
    expect(v.code, v.stderr).toBe(0);
    const passLines = both(v)
      .split('\n')
      .filter((l) => /^pass:? entries\b/.test(l));
    expect(passLines, both(v)).toHaveLength(1);
  });
});

describe('secrets are never echoed', () => {
  it('an age secret key given as --encryption-recipients appears nowhere in the output, not even in part', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const { identity } = ageKey();
    const r = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'box',
      ...storageFlags(bucket),
      '--encryption-recipients',
      identity,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds an age secret key');
    const body = identity.slice('AGE-SECRET-KEY-1'.length);
    const out = both(r).toUpperCase();
    for (let i = 0; i + 6 <= body.length; i++) expect(out).not.toContain(body.slice(i, i + 6));
    expect(out).not.toContain('AGE-SECRET-KEY-1');
    // the same with --json: the error object has no part of it either
    const j = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'box',
      ...storageFlags(bucket),
      '--json',
      '--encryption-recipients',
      identity,
    ]);
    for (let i = 0; i + 6 <= body.length; i++)
      expect(both(j).toUpperCase()).not.toContain(body.slice(i, i + 6));
  });
});

describe('encryption is not dropped silently', () => {
  it('the CLI refuses a backup without recipients after an encrypted snapshot, unless --allow-unencrypted', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const { recipient } = ageKey();
    const flags = ['--local', '--path', volume, '--target', 'box', ...storageFlags(bucket)];
    expect((await lifeboat(['backup', ...flags, '--encryption-recipients', recipient])).code).toBe(0);
    const before = await listKeys(bucket, 'lifeboat/box/');
    const plain = await lifeboat(['backup', ...flags]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('is age-encrypted');
    expect(plain.stderr).toContain('pass --allow-unencrypted');
    expect(await listKeys(bucket, 'lifeboat/box/')).toEqual(before);
    const allowed = await lifeboat(['backup', ...flags, '--allow-unencrypted', '--json']);
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('fly-volume-backup refuses it too, unless allow-unencrypted: true', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();
    const { recipient } = ageKey();
    const inputs = { app: 'my-app', bucket, endpoint: s3Server().endpoint, 'force-path-style': 'true' };
    const env = { ...s3Env(), ...flyStandin(volume) };
    const enc = await runAction('fly-volume-backup', {
      inputs: { ...inputs, 'encryption-recipients': recipient },
      env,
    });
    expect(enc.code, enc.log).toBe(0);
    const plain = await runAction('fly-volume-backup', { inputs, env });
    expect(plain.code).not.toBe(0);
    expect(plain.log).toContain('set allow-unencrypted: true');
    const allowed = await runAction('fly-volume-backup', {
      inputs: { ...inputs, 'allow-unencrypted': 'true' },
      env,
    });
    expect(allowed.code, allowed.log).toBe(0);
  });
});

describe("README's block for the local S3 server", () => {
  it('eval "$(npm run -s s3 -- env)" makes the CLI talk to the local server (the block, as a person copies it)', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- cli-local-s3:start -->');
    const end = readme.indexOf('<!-- cli-local-s3:end -->');
    expect(start).toBeGreaterThan(0);
    const block = fencedBlocks(readme.slice(start, end), 'README.md').find((b) => b.lang === 'sh')!;
    expect(block.text).toContain('eval "$(npm run -s s3 -- env)"');
    // the bucket `npm run demo` makes, on the server this run started
    const s = s3Server();
    await testClient()
      .send(new CreateBucketCommand({ Bucket: 'lifeboat-demo' }))
      .catch(() => undefined);
    await testClient().send(
      new PutBucketVersioningCommand({
        Bucket: 'lifeboat-demo',
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    // a person's shell: `node` is the machine's own (Debian 12's is 18), not the Node 24 that npm
    // puts first on the PATH of the scripts it runs (this test's); the block must not depend on it
    const machinePath = (process.env.PATH ?? '')
      .split(':')
      .filter((d) => !d.includes('node_modules'))
      .join(':');
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block.text], {
      cwd: root,
      encoding: 'utf8',
      env: {
        // no AWS or LIFEBOAT variables but what the block's eval sets
        PATH: machinePath,
        HOME: process.env.HOME,
        TMPDIR: tmpdir(),
        CEPH_RGW_PORT: new URL(s.endpoint).port,
        S3_ACCESS_KEY: s.accessKeyId,
        S3_SECRET_KEY: s.secretAccessKey,
      },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\* \d{8}T\d{6}Z +ok /m);
  });

  it('lifeboat --help lines up every summary in one column; --sudo says what it runs as root', async () => {
    const help = await lifeboat(['--help']);
    expect(help.code).toBe(0);
    const lines = help.stdout.split('\n');
    const start = lines.indexOf('commands:') + 1;
    const rows = lines.slice(start, lines.indexOf('', start));
    expect(rows.map((r) => r.trim().split(' ')[0])).toContain('check-fly-snapshots');
    const column = (r: string) => r.search(/(?<=^ {2}\S+ +)\S/);
    expect(new Set(rows.map(column)).size, rows.join('\n')).toBe(1);
    // each exit code as the README's table says it: find's skipped snapshot is a failed check (1)
    const exits = lines.slice(lines.findIndex((l) => l.startsWith('exit codes:'))).join(' ');
    expect(exits.replace(/\s+/g, ' ')).toContain(
      '1 a check failed (suspect backup, failed verification, refused restore, a snapshot find skipped because its index is damaged), 2 usage',
    );
    const readmeRow = readFileSync(join(root, 'README.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| 1 | a check failed'));
    expect(readmeRow).toContain('a snapshot `find` skipped because its index is damaged');
    const backup = await lifeboat(['backup', '--help']);
    expect(backup.stdout).toMatch(
      /--sudo +run lifeboat's scripts on the host \(the archive and --pre-command; a restore's listing, staging and swap\) as root with sudo -n sh -c/,
    );
  });

  it('npm run demo leaves its sample volume as it made it, without the app.db.backup its pre-command wrote', () => {
    const s = s3Server();
    const volume = join(root, '.tmp/demo-volume');
    try {
      const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/demo.ts'], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          CEPH_RGW_PORT: new URL(s.endpoint).port,
          S3_ACCESS_KEY: s.accessKeyId,
          S3_SECRET_KEY: s.secretAccessKey,
        },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^ {2}status +ok$/m);
      expect(readdirSync(volume).sort()).toEqual(['app.db', 'app.log', 'config', 'uploads']);
    } finally {
      rmSync(volume, { recursive: true, force: true });
    }
  });
});
