import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flyStandin, runCli, sshFlags, storageFlags } from '../helpers/cli-run.js';
import { describeTree } from '../helpers/fixture-volume.js';
import { backedUp, freshVolume, restoredTree, restoreTestbed } from '../helpers/restore-targets.js';
import { TEST_USER } from '../helpers/sshd.js';

/**
 * Issue 16 "Safety": a restore never costs the person work. The shipped CLI restores into a
 * directory here, an SSH host (the project's sshd) and a Fly machine (the flyctl stand-in).
 */

const { folders, sshd } = restoreTestbed();

describe('restore safety (issue 16): the shipped CLI never costs the person work', () => {
  it('restore --to DIR a second time refuses, names DIR and how to go on, and keeps what the person did there', async () => {
    const volume = folders.fixture(100_000);
    const { bucket } = await backedUp(volume);
    const to = join(folders.scratch('lb-safety-to-'), 'restored');
    const args = ['restore', '--target', 'vol', ...storageFlags(bucket), '--to', to];
    const first = await runCli(args);
    expect(first.code, first.stderr).toBe(0);
    expect(describeTree(to)).toEqual(describeTree(volume));

    // the person works in the restored copy, then runs the same command again
    writeFileSync(join(to, 'app.db'), 'rows written since the restore\n');
    writeFileSync(join(to, 'my-notes.txt'), 'an hour of work\n');
    const worked = describeTree(to);
    const again = await runCli(args);
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toContain(`${to} already holds`);
    expect(again.stderr).toContain('which this restore did not write');
    expect(again.stderr).toContain(`mv ${to} ${to}.old`);
    expect(describeTree(to)).toEqual(worked);
  });

  // was: exit 0 and not a word; the older copy stayed in .lifeboat-restore/ (attacker, 2026-12-03)
  it('restore --to DIR where a killed restore of another snapshot left its copy: restored, and a warning names that folder and how to remove it', async () => {
    const volume = folders.fixture(100_000);
    const { bucket } = await backedUp(volume);
    const to = join(folders.scratch('lb-safety-earlier-'), 'restored');
    const older = join(to, '.lifeboat-restore', '20261101T020000Z');
    mkdirSync(older, { recursive: true });
    writeFileSync(join(older, 'app.db'), 'half of an older copy');
    const run = await runCli(['restore', '--target', 'vol', ...storageFlags(bucket), '--to', to]);
    expect(run.code, run.stderr).toBe(0);
    expect(restoredTree(describeTree(to))).toEqual(describeTree(volume));
    expect(run.stderr).toContain(
      `${older} is left from an earlier restore into ${to} that did not finish (killed before its clean-up): ` +
        `it is not data and nothing reads it; remove it (rm -rf ${older}).`,
    );
    expect(readdirSync(join(to, '.lifeboat-restore'))).toEqual(['20261101T020000Z']);
  });

  // was: "verified false", "restorable false", exit 1, for an archive that had passed every check
  // (newcomer, 2026-12-03): the machine's path did not exist
  it('restore --host --apply into a path the machine does not have: exit 3 naming the machine and the path, the archive not called broken', async () => {
    const volume = folders.fixture(100_000);
    const { bucket, id } = await backedUp(volume);
    const missing = join(folders.scratch('lb-safety-nopath-'), 'no-such-volume');
    const ssh = sshFlags(sshd());
    try {
      const run = await runCli([
        'restore',
        '--target',
        'vol',
        ...storageFlags(bucket),
        ...ssh.flags,
        '--path',
        missing,
        '--apply',
        '--confirm',
        id,
      ]);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toContain(
        `snapshot ${id} passed every check of the archive, but restoring it into ${sshd().host}:${missing} failed: ` +
          `restore-path ${missing} does not exist on the machine: give the volume's mount point.`,
      );
      expect(run.stderr).toContain(`No verdict about snapshot ${id} of vol was recorded.`);
      expect(run.stdout + run.stderr).not.toMatch(/restorable\s+false/);
    } finally {
      ssh.remove();
    }
  });

  it('--if-empty restores a fresh volume that holds only lost+found, here, on an SSH host and on a Fly machine', async () => {
    const volume = folders.fixture(100_000);
    const { bucket } = await backedUp(volume);
    const source = describeTree(volume);
    const args = ['restore', '--if-empty', '--target', 'vol', ...storageFlags(bucket)];

    const local = freshVolume(folders.scratch('lb-safety-local-'));
    const l = await runCli([...args, '--path', local]);
    expect(l.code, l.stderr).toBe(0);
    expect(l.stdout).not.toContain('holds data');
    expect(restoredTree(describeTree(local))).toEqual(source);
    expect(statSync(join(local, 'lost+found')).mode & 0o777).toBe(0o700);
    expect(readdirSync(local).filter((n) => n.startsWith('.lifeboat-'))).toEqual([]);

    const remote = freshVolume(folders.scratch('lb-safety-ssh-'), TEST_USER);
    execFileSync('chmod', ['755', join(remote, '..')]);
    const ssh = sshFlags(sshd());
    try {
      const s = await runCli([...args, ...ssh.flags, '--path', remote]);
      expect(s.code, s.stderr).toBe(0);
      expect(s.stdout).not.toContain('holds data');
      expect(restoredTree(describeTree(remote))).toEqual(source);
      expect(statSync(join(remote, 'lost+found')).isDirectory()).toBe(true);
    } finally {
      ssh.remove();
    }

    const machine = freshVolume(folders.scratch('lb-safety-fly-'));
    const f = await runCli([...args, '--app', 'my-app', '--path', '/data'], flyStandin(machine));
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).not.toContain('holds data');
    expect(restoredTree(describeTree(machine))).toEqual(source);
    // nothing to keep aside on a fresh volume: no empty .lifeboat-pre-restore-* folder either
    expect(readdirSync(machine).filter((n) => n.startsWith('.lifeboat-'))).toEqual([]);
    const again = await runCli([...args, '--app', 'my-app', '--path', '/data'], flyStandin(machine));
    expect(again.stdout).toContain('holds data; nothing was done');
  });

  // issue 20: a lost+found holding what fsck recovered counted as "empty" and --if-empty restored
  // over it; only an empty lost+found is not data
  it('--if-empty leaves a volume whose lost+found holds recovered files alone, here and on a Fly machine, naming lost+found and its count', async () => {
    const volume = folders.fixture(100_000);
    const { bucket } = await backedUp(volume);
    const args = ['restore', '--if-empty', '--target', 'vol', ...storageFlags(bucket), '--json'];
    const recovered = (v: string) => {
      writeFileSync(join(v, 'lost+found', '#1234'), 'what fsck recovered\n');
      writeFileSync(join(v, 'lost+found', '#5678'), 'more of it\n');
      return describeTree(v);
    };
    const words = 'lost+found (2 entries fsck recovered: look through them, then empty it)';

    const local = freshVolume(folders.scratch('lb-safety-lf-local-'));
    const localBefore = recovered(local);
    const l = await runCli([...args, '--path', local]);
    expect(l.code, l.stderr).toBe(0);
    expect(JSON.parse(l.stdout)).toEqual({
      restored: false,
      reason: 'not empty',
      path: local,
      data: [words],
    });
    expect(describeTree(local)).toEqual(localBefore);

    const machine = freshVolume(folders.scratch('lb-safety-lf-fly-'));
    const machineBefore = recovered(machine);
    const f = await runCli(
      [
        'restore',
        '--if-empty',
        '--target',
        'vol',
        ...storageFlags(bucket),
        '--app',
        'my-app',
        '--path',
        '/data',
      ],
      flyStandin(machine),
    );
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toContain(`/data on my-app holds data (${words}); nothing was done`);
    expect(describeTree(machine)).toEqual(machineBefore);
  });
});
