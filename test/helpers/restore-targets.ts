import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli, storageFlags } from './cli-run.js';
import { makeFixtureVolume } from './fixture-volume.js';
import { createBucket } from './s3.js';
import { startSshd, type SshServer } from './sshd.js';

/** Folders a test file makes (scratch folders, fixture volumes), removed by `removeAll` after its tests. */
export class Folders {
  private readonly made: string[] = [];

  scratch(prefix: string): string {
    const d = mkdtempSync(join(tmpdir(), prefix));
    this.made.push(d);
    return d;
  }

  fixture(bigBytes: number): string {
    const v = makeFixtureVolume({ bigBytes });
    this.made.push(v);
    return v;
  }

  removeAll(): void {
    for (const d of this.made.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}

/** A good CLI backup of `volume` into a new bucket, as target `vol`. */
export async function backedUp(
  volume: string,
  flags: string[] = [],
): Promise<{ bucket: string; id: string; size: number }> {
  const bucket = await createBucket();
  const b = await runCli([
    'backup',
    '--local',
    '--path',
    volume,
    '--target',
    'vol',
    ...storageFlags(bucket),
    '--json',
    ...flags,
  ]);
  expect(b.code, b.stderr).toBe(0);
  const r = JSON.parse(b.stdout) as { snapshotId: string; sizeBytes: number };
  return { bucket, id: r.snapshotId, size: r.sizeBytes };
}

/** A restored volume's tree (describeTree) beside its source's: lifeboat's folders and the volume's lost+found aside. */
export function restoredTree(t: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(t).filter(([k]) => !k.startsWith('.lifeboat-') && k !== 'lost+found'),
  );
}

/** A fresh ext4 volume as mkfs leaves it, `<parent>/volume`: nothing but lost+found (0700), optionally given to `owner`. */
export function freshVolume(parent: string, owner?: string): string {
  const v = join(parent, 'volume');
  mkdirSync(join(v, 'lost+found'), { recursive: true, mode: 0o700 });
  if (owner) execFileSync('chown', ['-R', `${owner}:`, v]);
  return v;
}

/**
 * What a test file of restores to machines needs, set up around its tests: the project's sshd
 * (started before them, stopped after) and the folders it makes (removed after them).
 */
export function restoreTestbed(): { folders: Folders; sshd: () => SshServer } {
  const folders = new Folders();
  let server: SshServer | undefined;
  beforeAll(async () => {
    server = await startSshd();
  });
  afterAll(async () => {
    await server?.stop();
    folders.removeAll();
  });
  return {
    folders,
    sshd: () => {
      if (!server) throw new Error('the sshd starts before the tests');
      return server;
    },
  };
}
