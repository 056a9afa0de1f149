import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTree, makeFixtureVolume } from '../helpers/fixture-volume.js';
import { runCli, sshFlags, storageFlags } from '../helpers/cli-run.js';
import { runAction } from '../helpers/run-action.js';
import { createBucket, getJson, s3Env, s3Server } from '../helpers/s3.js';
import { giveToTestUser, startSshd, type SshServer } from '../helpers/sshd.js';

let server: SshServer;
let remotePath: string;

beforeAll(async () => {
  server = await startSshd();
  remotePath = giveToTestUser(makeFixtureVolume({ bigBytes: 50_000 }), server.home, `restore-${process.pid}`);
});

afterAll(async () => {
  await server?.stop();
  if (remotePath) rmSync(remotePath, { recursive: true, force: true });
});

const withoutLifeboat = (t: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith('.lifeboat-')));

describe('restore to an SSH host (issue 11): the same holding-directory rule as restore-to-app', () => {
  it('verify-restore restore-to-host writes only under <path>/.lifeboat-restore/<id>/, and the CLI swaps it in', async () => {
    const bucket = await createBucket();
    const ssh = {
      port: String(server.port),
      user: server.user,
      'ssh-key': server.clientKey.privateKey,
      'known-hosts': server.knownHosts,
    };
    const storage = { bucket, endpoint: s3Server().endpoint, 'force-path-style': 'true' };
    const b = await runAction('ssh-volume-backup', {
      inputs: { host: server.host, ...ssh, path: remotePath, target: 'vps', ...storage },
      env: s3Env(),
    });
    expect(b.code, b.log).toBe(0);
    const id = b.outputs['snapshot-id']!;
    const snapshot = describeTree(remotePath);
    writeFileSync(join(remotePath, 'after-backup.txt'), 'newer live data\n');
    const live = describeTree(remotePath);

    const v = await runAction('verify-restore', {
      inputs: {
        target: 'vps',
        ...storage,
        mode: 'stream',
        'restore-to-host': server.host,
        ...ssh,
        'restore-path': remotePath,
      },
      env: s3Env(),
    });
    expect(v.code, v.log).toBe(0);
    expect(describeTree(join(remotePath, '.lifeboat-restore', id))).toEqual(snapshot);
    expect(withoutLifeboat(describeTree(remotePath))).toEqual(live);
    expect((await getJson(bucket, v.outputs['report-key']!))!.restoredTo).toBe(
      `${remotePath}/.lifeboat-restore/${id}`,
    );
    expect(v.log).toContain(`--apply --confirm ${id}`);
    expect(v.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(
      server.clientKey.privateKey.split('\n')[1]!,
    );

    // the CLI swaps it in over the same SSH connection settings
    const cli = sshFlags(server);
    const swap = await runCli([
      'restore',
      '--target',
      'vps',
      ...storageFlags(bucket),
      ...cli.flags,
      '--path',
      remotePath,
      '--apply',
      '--confirm',
      id,
    ]).finally(cli.remove);
    expect(swap.code, swap.stderr).toBe(0);
    expect(withoutLifeboat(describeTree(remotePath))).toEqual(snapshot);
    const aside = readdirSync(remotePath).filter((n) => n.startsWith('.lifeboat-pre-restore-'));
    expect(aside).toHaveLength(1);
    expect(describeTree(join(remotePath, aside[0]!))).toEqual(live);
  });
});
