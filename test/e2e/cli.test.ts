import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTree, makeFixtureVolume, setTimes } from '../helpers/fixture-volume.js';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runCli } from '../helpers/cli-run.js';
import { LightsailStandin } from '../standins/lightsail-api.js';
import { createBucket, listKeys, s3Server } from '../helpers/s3.js';

const root = new URL('../..', import.meta.url).pathname;
/** Node 24, or the oldest supported Node when test/e2e/cli-oldest-node.test.ts runs this file. */
const node = cliTestNode();

/** Runs the shipped CLI bundle as a person or cron would (not a TTY). */
const lifeboat = (args: string[], env: Record<string, string> = {}) => runCli(args, env, node.path);

const storage = (bucket: string) => [
  '--bucket',
  bucket,
  '--endpoint',
  s3Server().endpoint,
  '--force-path-style',
];
const fly = (volume: string) => ({
  FLY_API_TOKEN: 'fo1_standin_token_value',
  FLY_STANDIN_VOLUME: volume,
  FLY_STANDIN_APP: 'my-app',
});

function withoutLifeboatFolders(tree: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(tree).filter(([k]) => !k.startsWith('.lifeboat-')));
}

describe(`the lifeboat CLI (dist/cli bundle under ${node.label})`, () => {
  it('backup of a local directory, snapshots, verify, restore --to, prune --dry-run; JSON output and exit codes', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 100_000 });
    const b = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'box',
      ...storage(bucket),
      '--json',
    ]);
    expect(b.code, b.stderr).toBe(0);
    const backup = JSON.parse(b.stdout) as { status: string; snapshotId: string; entries: number };
    expect(backup.status).toBe('ok');
    expect(b.stderr).not.toContain('\r'); // not a terminal: plain lines, no live progress

    // environment variables stand in for flags (cron)
    const s = await lifeboat(['snapshots', '--json'], {
      LIFEBOAT_BUCKET: bucket,
      LIFEBOAT_TARGET: 'box',
      LIFEBOAT_ENDPOINT: s3Server().endpoint,
      LIFEBOAT_FORCE_PATH_STYLE: 'true',
    });
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toEqual([
      expect.objectContaining({
        id: backup.snapshotId,
        state: 'ok',
        verified: null,
        entries: backup.entries,
      }),
    ]);

    const v = await lifeboat([
      'verify',
      '--target',
      'box',
      ...storage(bucket),
      '--mode',
      'stream',
      '--required-paths',
      'app.db',
    ]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/verified\s+true/);
    const s2 = await lifeboat(['snapshots', '--target', 'box', ...storage(bucket)]);
    expect(s2.stdout).toContain('verified: yes');

    const to = join(mkdtempSync(join(tmpdir(), 'lb-cli-to-')), 'restored');
    const r = await lifeboat(['restore', '--target', 'box', ...storage(bucket), '--to', to]);
    expect(r.code, r.stderr).toBe(0);
    expect(describeTree(to)).toEqual(describeTree(volume));

    const p = await lifeboat([
      'prune',
      '--target',
      'box',
      ...storage(bucket),
      '--keep-last',
      '1',
      '--keep-daily',
      '0',
      '--keep-weekly',
      '0',
      '--keep-monthly',
      '0',
      '--dry-run',
      '--json',
    ]);
    expect(p.code, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ dryRun: true, pruned: [] });

    const usage = await lifeboat(['backup', '--no-such-flag']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown option --no-such-flag');
    const bad = await lifeboat([
      'backup',
      '--local',
      '--path',
      volume,
      ...storage(bucket),
      '--keep-last',
      'many',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--keep-last is "many"');
    const unknown = await lifeboat(['explode']);
    expect(unknown.code).toBe(2);
    const help = await lifeboat(['restore', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--confirm <value>');
  });

  // was: "archive  s3://b at http://127.0.0.1:7480/lifeboat/box/...", a URL without the bucket in it
  it("a backup's archive row is the object as aws s3 takes it: s3://bucket/key, then the endpoint", async () => {
    const bucket = await createBucket();
    const b = await lifeboat([
      'backup',
      '--local',
      '--path',
      makeFixtureVolume(),
      '--target',
      'box',
      ...storage(bucket),
    ]);
    expect(b.code, b.stderr).toBe(0);
    const row = /^archive +(\S+) at (\S+)$/m.exec(b.stdout);
    expect(row, b.stdout).not.toBeNull();
    expect(row![2]).toBe(s3Server().endpoint);
    const [, named, objectKey] = /^s3:\/\/([^/]+)\/(.+)$/.exec(row![1]!)!;
    expect(named).toBe(bucket);
    expect(await listKeys(bucket, objectKey)).toEqual([objectKey]);
  });

  // was: "lifeboat toString: specs is not iterable" and exit 3, an environment fault, for a mistyped word
  it('a word that names a property of every object, not a command, is an unknown command (exit 2)', async () => {
    for (const word of ['toString', 'constructor', '__proto__']) {
      const run = await lifeboat([word]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`lifeboat: unknown command "${word}"`);
    }
  });

  // was: exit 2, a usage error, while the exit-code table puts a missing tool under 3
  it('a backup on a machine without flyctl exits 3 naming the missing program and how to install it', async () => {
    const bucket = await createBucket();
    const run = await lifeboat(['backup', '--app', 'my-app', '--path', '/data', ...storage(bucket)], {
      ...fly(makeFixtureVolume()),
      PATH: '/usr/bin:/bin',
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("'flyctl' was not found on PATH");
  });

  // was: nothing on stdout or stderr and exit 0, read at 2 a.m. as "every backup is gone"
  it('snapshots of a mistyped target or prefix says where it looked and how to see what is there', async () => {
    const bucket = await createBucket();
    const run = await lifeboat(['snapshots', '--target', 'nope', '--prefix', 'wrong', ...storage(bucket)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `no snapshots under s3://${bucket}/wrong/nope/: check --target and --prefix`,
    );
    expect(run.stderr).toContain(`aws s3 ls s3://${bucket}/wrong/`);
    const json = await lifeboat(['snapshots', '--target', 'nope', ...storage(bucket), '--json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('restore into a Fly machine: dry run, a --confirm that does not match, and the swap (old contents kept aside)', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 100_000 });
    const b = await lifeboat(['backup', '--app', 'my-app', ...storage(bucket), '--json'], fly(volume));
    expect(b.code, b.stderr).toBe(0);
    const id = (JSON.parse(b.stdout) as { snapshotId: string }).snapshotId;
    const snapshotTree = describeTree(volume);
    // the app keeps working: the live volume changes after the backup
    writeFileSync(join(volume, 'after-backup.txt'), 'written later\n');
    setTimes(volume);
    const live = describeTree(volume);

    const dry = await lifeboat(
      ['restore', '--target', 'my-app', ...storage(bucket), '--app', 'my-app', '--path', '/data'],
      fly(volume),
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run');
    expect(dry.stdout).toContain(`--apply --confirm ${id}`);
    expect(describeTree(volume)).toEqual(live);

    const refused = await lifeboat(
      [
        'restore',
        '--target',
        'my-app',
        ...storage(bucket),
        '--app',
        'my-app',
        '--apply',
        '--confirm',
        `${id}x`,
      ],
      fly(volume),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`--confirm must be exactly the snapshot id being restored (${id})`);
    expect(describeTree(volume)).toEqual(live);

    const swap = await lifeboat(
      ['restore', '--target', 'my-app', ...storage(bucket), '--app', 'my-app', '--apply', '--confirm', id],
      fly(volume),
    );
    expect(swap.code, swap.stderr).toBe(0);
    expect(withoutLifeboatFolders(describeTree(volume))).toEqual(snapshotTree);
    const aside = readdirSync(volume).filter((n) => n.startsWith('.lifeboat-pre-restore-'));
    expect(aside).toHaveLength(1);
    expect(describeTree(join(volume, aside[0]!))).toEqual(live);
    expect(swap.stdout).toContain(`now holds snapshot ${id}`);
  });

  it('restore --if-empty does nothing when the path holds data and restores into a fresh, empty volume', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 100_000 });
    expect(
      (await lifeboat(['backup', '--local', '--path', volume, '--target', 'vol', ...storage(bucket)])).code,
    ).toBe(0);
    const args = ['restore', '--if-empty', '--target', 'vol', ...storage(bucket)];

    const full = await lifeboat([...args, '--path', volume]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain('holds data; nothing was done');

    const fresh = join(mkdtempSync(join(tmpdir(), 'lb-fresh-')), 'data');
    mkdirSync(fresh);
    const restored = await lifeboat([...args, '--path', fresh]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(describeTree(fresh)).toEqual(describeTree(volume));

    // the same through flyctl: a fresh volume on the machine
    const machine = mkdtempSync(join(tmpdir(), 'lb-machine-'));
    const remote = await lifeboat([...args, '--app', 'my-app', '--path', '/data'], fly(machine));
    expect(remote.code, remote.stderr).toBe(0);
    expect(withoutLifeboatFolders(describeTree(machine))).toEqual(describeTree(volume));
    const again = await lifeboat([...args, '--app', 'my-app', '--path', '/data'], fly(machine));
    expect(again.stdout).toContain('holds data; nothing was done');
  });

  // was: "the remote command produced no output at all (connection closed before it started)":
  // the spawn's ENOENT was swallowed and the empty output judged instead (newcomer and attacker, 2026-12-03)
  it('backup --local on a machine whose PATH has no sh: one message naming sh, exit 3, nothing stored', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    const bin = mkdtempSync(join(tmpdir(), 'lb-nosh-'));
    symlinkSync(execFileSync('sh', ['-c', 'command -v tar'], { encoding: 'utf8' }).trim(), join(bin, 'tar'));
    const r = await lifeboat(
      ['backup', '--local', '--path', volume, '--target', 'nosh', ...storage(bucket)],
      {
        PATH: bin,
      },
    );
    rmSync(bin, { recursive: true, force: true });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      "'sh' was not found on PATH: lifeboat runs its archive script with this machine's sh",
    );
    expect(r.stderr).not.toContain('remote command');
    expect((await listKeys(bucket)).filter((k) => k.includes('/snapshots/'))).toEqual([]);
  });

  // was: the 'error' event of stdout threw: a stack trace and exit 1 ("failed verification" to cron)
  // after a backup that was published (attacker, 2026-12-03)
  it('a result that cannot be written (stdout on a full disk): exit 3 naming stdout, and the work stands', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    const toFull = { wrap: ['sh', '-c', 'exec "$0" "$@" > /dev/full'] };
    const b = await runCli(
      ['backup', '--local', '--path', volume, '--target', 'full', ...storage(bucket), '--json'],
      {},
      node.path,
      toFull,
    );
    expect(b.code, b.stderr).toBe(3);
    expect(b.stderr).toContain(
      'lifeboat backup: could not write its result to stdout (ENOSPC: no space left on device, write); the command itself ended with exit code 0 (it did its work).',
    );
    expect(b.stderr).not.toMatch(/^\s+at /m);
    expect(await listKeys(bucket, 'lifeboat/full/')).toContain('lifeboat/full/latest.json');
    const s = await runCli(['snapshots', '--target', 'full', ...storage(bucket)], {}, node.path, toFull);
    expect(s.code, s.stderr).toBe(3);
    // a reader that went away is no failure: `| head -1` keeps the command's own code
    const head = await runCli(['snapshots', '--target', 'full', ...storage(bucket)], {}, node.path, {
      wrap: ['sh', '-c', '"$0" "$@" | head -c 1 >/dev/null'],
    });
    expect(head.stderr).not.toContain('could not write');
  });

  // was: TAR_OPTIONS="--exclude=*.db" in the environment left app.db out of an "ok" backup (attacker, 2026-12-03)
  it("backup ignores GNU tar's TAR_OPTIONS: every file is archived", async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    const b = await lifeboat(
      ['backup', '--local', '--path', volume, '--target', 'taropts', ...storage(bucket), '--json'],
      { TAR_OPTIONS: '--exclude=*.db --exclude=*.bin' },
    );
    expect(b.code, b.stderr).toBe(0);
    const to = join(mkdtempSync(join(tmpdir(), 'lb-taropts-')), 'r');
    const r = await lifeboat(['restore', '--target', 'taropts', ...storage(bucket), '--to', to]);
    expect(r.code, r.stderr).toBe(0);
    expect(describeTree(to)).toEqual(describeTree(volume));
  });

  // was: `--to DIR --if-empty` restored into --path (or the path LIFEBOAT_PATH named) and never
  // made DIR; --apply without a machine was ignored (the newcomer of 2026-12-03)
  it('restore refuses two destinations at once, before it reads or writes anything', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    expect(
      (await lifeboat(['backup', '--local', '--path', volume, '--target', 'vol', ...storage(bucket)])).code,
    ).toBe(0);
    const base = mkdtempSync(join(tmpdir(), 'lb-two-'));
    const path = join(base, 'volume');
    mkdirSync(path);
    const to = join(base, 'copy');
    const cases: [string[], string][] = [
      [['--to', to, '--if-empty', '--path', path], '--to and --if-empty name two places'],
      [
        ['--to', to, '--app', 'my-app', '--path', '/data'],
        '--to restores into a directory of this machine and --app',
      ],
      [
        ['--to', to, '--apply', '--confirm', '20261203T000000Z'],
        '--apply and --confirm swap a restored copy in on a machine',
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await lifeboat(['restore', '--target', 'vol', ...storage(bucket), ...flags]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(readdirSync(base)).toEqual(['volume']);
    expect(readdirSync(path)).toEqual([]);
  });

  it('check-lightsail and guard run the same engines as their actions', async () => {
    const day = 86_400_000;
    const snapshots = (newestHours: number) =>
      Array.from({ length: 7 }, (_, i) => {
        const createdAt = new Date(Date.now() - newestHours * 3_600_000 - (6 - i) * day);
        return { date: createdAt.toISOString().slice(0, 10), createdAt, status: 'Success' as const };
      });
    const addOns = [{ name: 'AutoSnapshot' as const, status: 'Enabled', snapshotTimeOfDay: '06:00' }];
    const standin = await new LightsailStandin({
      instances: { 'web-1': { addOns }, 'web-2': { addOns } },
      autoSnapshots: { 'web-1': snapshots(3), 'web-2': snapshots(30) },
    }).start();
    try {
      const ok = await lifeboat(['check-lightsail', '--instance', 'web-1', '--json'], standin.env());
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'ok' });
      const stale = await lifeboat(
        ['check-lightsail', '--instance', 'web-1', '--instance', 'web-2'],
        standin.env(),
      );
      expect(stale.code).toBe(1);
      expect(stale.stdout).toMatch(/status\s+crit/);
      expect(stale.stderr).toContain('web-2');
    } finally {
      await standin.stop();
    }

    const fixtures = join(root, 'test/fixtures/guard');
    const good = await lifeboat(['guard', '--workspace', join(fixtures, 'sst-protected')]);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    const bad = await lifeboat(['guard', '--workspace', join(fixtures, 'sst-unprotected'), '--json']);
    expect(bad.code).toBe(1);
    const rules = (JSON.parse(bad.stdout) as { findings: { rule: string; severity: string }[] }).findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['LB001', 'LB002']));
  });
});
