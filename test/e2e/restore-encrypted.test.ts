import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { flyStandin, runCli, sshFlags, storageFlags } from '../helpers/cli-run.js';
import { describeTree } from '../helpers/fixture-volume.js';
import { flyEnv, storage } from '../helpers/lifeboat-runs.js';
import { backedUp, restoredTree, restoreTestbed } from '../helpers/restore-targets.js';
import { runAction } from '../helpers/run-action.js';
import { TEST_USER } from '../helpers/sshd.js';

/**
 * Issue 16: an age-encrypted snapshot restores through every target, decrypted on the runner: a
 * directory here (restore --to), a Fly machine (restore --app --apply, through the flyctl stand-in),
 * an SSH host (restore --host --apply, the project's sshd) and verify-restore's restore-to-app.
 * Each proves the tree restored equals the source.
 */

const { folders, sshd } = restoreTestbed();
let identity = '';
let bucket = '';
let id = '';
let source: ReturnType<typeof describeTree>;

beforeAll(async () => {
  identity = await generateIdentity();
  const volume = folders.fixture(300_000);
  source = describeTree(volume);
  ({ bucket, id } = await backedUp(volume, ['--encryption-recipients', await identityToRecipient(identity)]));
});

/** A machine's volume with live data on it, which the swap moves aside. */
function liveVolume(prefix: string, owner?: string): string {
  const v = join(folders.scratch(prefix), 'volume');
  mkdirSync(v);
  writeFileSync(join(v, 'live.db'), 'newer live data\n');
  if (owner) {
    execFileSync('chown', ['-R', `${owner}:`, v]);
    execFileSync('chmod', ['755', join(v, '..')]);
  }
  return v;
}

describe('an age-encrypted snapshot restores through every target (decrypted on the runner)', () => {
  const withIdentity = () => ({ LIFEBOAT_DECRYPTION_IDENTITY: identity });
  const restore = (target: string[]) => ['restore', '--target', 'vol', ...storageFlags(bucket), ...target];
  const apply = (target: string[]) => [...restore(target), '--apply', '--confirm', id];

  it('restore --to DIR', async () => {
    const to = join(folders.scratch('lb-enc-to-'), 'restored');
    const run = await runCli(restore(['--to', to]), withIdentity());
    expect(run.code, run.stderr).toBe(0);
    expect(describeTree(to)).toEqual(source);
    expect(run.stdout + run.stderr).not.toContain(identity);
  });

  it('restore --app --apply to a Fly machine (flyctl stand-in)', async () => {
    const machine = liveVolume('lb-enc-fly-');
    const run = await runCli(apply(['--app', 'my-app', '--path', '/data']), {
      ...flyStandin(machine),
      ...withIdentity(),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(restoredTree(describeTree(machine))).toEqual(source);
  });

  it('restore --host --apply to an SSH host (sshd)', async () => {
    const live = liveVolume('lb-enc-ssh-', TEST_USER);
    const ssh = sshFlags(sshd());
    try {
      const run = await runCli(apply([...ssh.flags, '--path', live]), withIdentity());
      expect(run.code, run.stderr).toBe(0);
      expect(restoredTree(describeTree(live))).toEqual(source);
      expect(readdirSync(live).filter((n) => n.startsWith('.lifeboat-pre-restore-'))).toHaveLength(1);
    } finally {
      ssh.remove();
    }
  });

  it("verify-restore's restore-to-app (the action bundle)", async () => {
    const machine = liveVolume('lb-enc-app-');
    const run = await runAction('verify-restore', {
      inputs: {
        target: 'vol',
        ...storage(bucket),
        mode: 'stream',
        'restore-to-app': 'my-app',
        'restore-path': '/data',
        'decryption-identity': identity,
      },
      env: flyEnv(machine),
    });
    expect(run.code, run.log).toBe(0);
    expect(describeTree(join(machine, '.lifeboat-restore', id))).toEqual(source);
  });
});
