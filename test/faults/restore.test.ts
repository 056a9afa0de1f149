import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { flyStandin, runCli, sshFlags, startCli, storageFlags } from '../helpers/cli-run.js';
import { startHttpFaultProxy } from '../helpers/fault-proxy.js';
import { describeTree } from '../helpers/fixture-volume.js';
import { putHandMadeSnapshot } from '../helpers/hand-made-snapshot.js';
import { backedUp, freshVolume, restoredTree, restoreTestbed } from '../helpers/restore-targets.js';
import { createBucket, s3Server } from '../helpers/s3.js';
import { tarOf, type Member } from '../helpers/tar-members.js';
import { TEST_USER } from '../helpers/sshd.js';
import { waitFor } from './fault-kit.js';

/**
 * A restore under faults (issue 16 "Safety") and a hostile archive restored to a machine (issue 20
 * §6), driven through the shipped CLI: a killed boot-time restore leaves the volume empty for the
 * next boot, and every member rule of the safe extractor holds before a byte reaches a machine's tar.
 */

const { folders, sshd } = restoreTestbed();

/** Whether a folder holds a file with at least one byte. */
const holdsBytes = (dir: string) =>
  existsSync(dir) && execFileSync('find', [dir, '-type', 'f', '-size', '+0c'], { encoding: 'utf8' }) !== '';

describe('a restore killed midway', () => {
  it('SIGKILL of a boot-time restore --if-empty halfway through the archive (here and on a Fly machine) — the volume is left empty (lost+found and lifeboat’s folder only); the next boot restores it whole', async () => {
    const volume = folders.fixture(6 * 1024 * 1024);
    const { bucket, id, size } = await backedUp(volume);
    const source = describeTree(volume);
    const proxy = await startHttpFaultProxy(Number(new URL(s3Server().endpoint).port));
    try {
      const cases = [
        // here, the verification extracts the archive as it reads it (the first GET of it)
        { name: 'here', stalledGet: 1, volume: freshVolume(folders.scratch('lb-kill-local-')) },
        // a machine receives the archive from the restore's own GET, after the verification's
        // (both read the version the manifest records)
        { name: 'fly', stalledGet: 2, volume: freshVolume(folders.scratch('lb-kill-fly-')) },
      ];
      for (const c of cases) {
        const fly = c.name === 'fly';
        const args = [
          'restore',
          '--if-empty',
          '--target',
          'vol',
          ...(fly ? ['--app', 'my-app', '--path', '/data'] : ['--path', c.volume]),
        ];
        const env = fly ? flyStandin(c.volume) : {};
        // the store sends half the archive and then nothing more
        let gets = 0;
        proxy.setRules([
          {
            match: (r) =>
              r.method === 'GET' && r.url.includes(`/snapshots/${id}/archive.`) && ++gets === c.stalledGet,
            stallAfterBytes: Math.floor(size / 2),
          },
        ]);
        const run = startCli([...args, ...storageFlags(bucket, proxy.endpoint)], env);
        const holding = join(c.volume, '.lifeboat-restore', id);
        await waitFor(() => holdsBytes(holding), 60_000, `${c.name}: the restore to write into ${holding}`);
        run.child.kill('SIGKILL');
        expect((await run.done).signal, c.name).toBe('SIGKILL');
        // the machine's tar ends when its stdin does
        await new Promise((r) => setTimeout(r, 1000));

        // what the next boot finds: no data, by the one definition of empty
        expect(readdirSync(c.volume).sort(), c.name).toEqual(['.lifeboat-restore', 'lost+found']);
        const next = await runCli([...args, ...storageFlags(bucket)], env);
        expect(next.code, `${c.name}: ${next.stderr}`).toBe(0);
        expect(next.stdout, c.name).not.toContain('holds data');
        expect(restoredTree(describeTree(c.volume)), c.name).toEqual(source);
        expect(existsSync(holding), c.name).toBe(false);
      }
    } finally {
      await proxy.close();
    }
  });
});

const ROOT: Member = { header: { name: './', type: 'directory', mode: 0o755 } };
const APP_DB: Member = { header: { name: './app.db', mode: 0o644 }, body: 'the database\n' };
/** What was seen on a live path after `restore --host --apply` of 0.1.0 (issue 20 §6). */
const DEVICE: Member = {
  header: { name: './dev-null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 },
};
const SETUID_ROOT: Member = {
  header: { name: './bin/rootshell', mode: 0o4755, uid: 0, gid: 0 },
  body: '#!/bin/sh\nexec /bin/sh -p\n',
};
const SHADOW_LINK: Member = { header: { name: './shadow', type: 'symlink', linkname: '/etc/shadow' } };

/** A hand-made snapshot of `members` (gzip, manifest and latest that describe it exactly) as target vol. */
async function hostileSnapshot(members: Member[]): Promise<{ bucket: string; id: string }> {
  const bucket = await createBucket();
  const id = '20261120T000000Z';
  const tar = await tarOf(members);
  await putHandMadeSnapshot({ bucket, target: 'vol', id, tar, stored: gzipSync(tar), compression: 'gzip' });
  return { bucket, id };
}

const apply = (bucket: string, id: string, target: string[]) => [
  'restore',
  '--target',
  'vol',
  ...storageFlags(bucket),
  ...target,
  '--apply',
  '--confirm',
  id,
];

describe('a hostile archive restored to a machine (issue 20 §6)', () => {
  it('a device node, a setuid-root binary and a symlink to /etc/shadow, restore --host --apply to an SSH host — refused on the runner, exit 1; nothing on the machine changed', async () => {
    const { bucket, id } = await hostileSnapshot([ROOT, APP_DB, DEVICE, SETUID_ROOT, SHADOW_LINK]);
    const live = join(folders.scratch('lb-hostile-ssh-'), 'volume');
    mkdirSync(live);
    writeFileSync(join(live, 'live.db'), 'the live data\n');
    execFileSync('chown', ['-R', `${TEST_USER}:`, live]);
    execFileSync('chmod', ['755', join(live, '..')]);
    const before = describeTree(live);
    const ssh = sshFlags(sshd());
    try {
      const run = await runCli(apply(bucket, id, [...ssh.flags, '--path', live]));
      expect(run.code, run.stderr).toBe(1);
      // refused in the verification that precedes every restore (each walk refuses device nodes)
      expect(run.stderr).toContain(`Verification of snapshot ${id} of vol failed`);
      expect(run.stderr).toContain('archive member "./dev-null" was refused: it is a character-device');
      expect(run.stderr).toContain('the live contents were not touched');
      // not the live path, nor a holding folder: nothing on the machine changed
      expect(readdirSync(live)).toEqual(['live.db']);
      expect(describeTree(live)).toEqual(before);
    } finally {
      ssh.remove();
    }
  });

  it('the same archive, restore --app --apply to a Fly machine whose tar runs as root — refused on the runner, exit 1; no device node was made, nothing changed', async () => {
    const { bucket, id } = await hostileSnapshot([ROOT, APP_DB, DEVICE, SETUID_ROOT, SHADOW_LINK]);
    const machine = folders.scratch('lb-hostile-fly-');
    writeFileSync(join(machine, 'live.db'), 'the live data\n');
    const before = describeTree(machine);
    const run = await runCli(apply(bucket, id, ['--app', 'my-app', '--path', '/data']), flyStandin(machine));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('archive member "./dev-null" was refused: it is a character-device');
    expect(readdirSync(machine)).toEqual(['live.db']);
    expect(describeTree(machine)).toEqual(before);
  });

  it('a setuid-root binary in an otherwise good archive, restore --app --apply as root — restored as the safe extractor writes it: owner kept, setuid and setgid bits dropped', async () => {
    const { bucket, id } = await hostileSnapshot([
      ROOT,
      APP_DB,
      { header: { name: './bin/', type: 'directory', mode: 0o755 } },
      SETUID_ROOT,
    ]);
    const machine = folders.scratch('lb-setuid-fly-');
    writeFileSync(join(machine, 'live.db'), 'the live data\n');
    const run = await runCli(apply(bucket, id, ['--app', 'my-app', '--path', '/data']), flyStandin(machine));
    expect(run.code, run.stderr).toBe(0);
    const binary = statSync(join(machine, 'bin/rootshell'));
    expect(binary.mode & 0o7777).toBe(0o755);
    expect(binary.uid).toBe(0);
  });
});
