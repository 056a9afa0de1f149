import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/catalog/manifest.js';
import { runBackup } from '../../src/jobs/backup.js';
import { backupOptions, LAYOUT, noise } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';
import { tempRoot } from '../helpers/odd-tree.js';
import { MachineSource } from '../helpers/machine-source.js';

/**
 * GNU tar's exit 1: files that changed, shrank or vanished while the real GNU tar read them. The
 * archive script runs under dash with this machine's tools; tar is GNU tar itself with a
 * checkpoint action (run at a chosen 10 KiB record, so the changes land in the middle of a file's
 * read, every time) that does to the volume what a live app does: writes the database, truncates a
 * log, removes a WAL. The backup is ok with one warning that names each file and what happened.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** ./a.db and ./b.log (4 MiB each: about 410 records) and ./c.wal, which tar reads in that order. */
function liveVolume(): string {
  const root = tempRoot('lb-cwr-');
  dirs.push(root);
  const vol = join(root, 'data');
  mkdirSync(vol);
  writeFileSync(join(vol, 'a.db'), noise(4 << 20, 1));
  writeFileSync(join(vol, 'b.log'), noise(4 << 20, 2));
  writeFileSync(join(vol, 'c.wal'), 'wal\n');
  // record 50 is inside a.db, record 600 inside b.log
  const act = join(root, 'act.sh');
  writeFileSync(
    act,
    `case "$TAR_CHECKPOINT" in\n` +
      `  50) /usr/bin/touch ${vol}/a.db; /bin/rm -f ${vol}/c.wal;;\n` +
      `  600) /usr/bin/truncate -s 1000 ${vol}/b.log;;\n` +
      `esac\n`,
  );
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const t of ['gzip', 'zstd', 'cat', 'du']) {
    const found = ['/usr/bin', '/bin'].map((d) => join(d, t)).find((p) => existsSync(p));
    if (found) symlinkSync(found, join(bin, t));
  }
  writeFileSync(
    join(bin, 'tar'),
    // called as `tar` (GNU tar starts its messages with the name it was called by, as on a machine)
    `#!/bin/sh\ncase "$1" in -cf) PATH=/usr/bin:/bin exec tar --sort=name --checkpoint=1 --checkpoint-action=exec='/bin/sh ${act}' "$@";; esac\n` +
      `exec /usr/bin/tar "$@"\n`,
    { mode: 0o755 },
  );
  return root;
}

describe("GNU tar's exit 1 names the files", () => {
  // was: "tar reported files that changed while they were read (exit 1); ..." with no name
  it('changed, shrank and removed while read: ok, and the warning names each file and what happened', async () => {
    const root = liveVolume();
    const clock = new ManualClock('2026-12-02T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const logger = new RecordingLogger();
    const result = await runBackup(backupOptions({ path: join(root, 'data'), compression: 'zstd' }), {
      store,
      source: new MachineSource(join(root, 'bin')),
      logger,
      now: clock.now,
    });
    // tar's own lines, as GNU tar prints them, are in the log
    expect(logger.lines).toEqual(
      expect.arrayContaining([
        '[flyctl] tar: ./a.db: file changed as we read it',
        '[flyctl] tar: ./b.log: File shrank by 2246144 bytes; padding with zeros',
        '[flyctl] tar: ./c.wal: File removed before we read it',
      ]),
    );
    expect(result.status).toBe('ok');
    expect(result.warnings).toEqual([
      'tar reported files that changed while they were read (exit 1): ./a.db, . changed while it was read; ' +
        './b.log shrank while it was read (the archive holds zeros for the missing bytes); ' +
        './c.wal was removed before it was read (it is not in the archive); ' +
        'the archive is complete but those files may be inconsistent: use pre-command to snapshot databases first',
    ]);
    expect(store.json<Manifest>(LAYOUT.manifestKey(result.snapshotId))!.warnings).toEqual(result.warnings);
  });
});
