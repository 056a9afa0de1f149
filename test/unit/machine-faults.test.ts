import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/jobs/backup.js';
import { OperationFailedError } from '../../src/util/errors.js';
import { backupOptions, LAYOUT, noise } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';
import { tempRoot } from '../helpers/odd-tree.js';
import { MachineSource } from '../helpers/machine-source.js';

/**
 * Machines whose tools are there but faulty (issue 18's attack): a zstd that dies (a missing
 * library, killed by the OOM killer) and a tar that writes a truncated archive and exits 0. The
 * archive script runs for real under dash with a PATH of this machine's tools and the faulty
 * wrapper; runBackup judges it over the in-memory store. The verdict must be "failed" with
 * nothing stored, and the message must name the faulty tool, not tar (which only died of the
 * closed pipe) nor the link (the stream arrived whole, its end marker with it).
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const TOOLS = ['tar', 'gzip', 'zstd', 'cat', 'du', 'head'];

/** A PATH folder with this machine's TOOLS, where `wrappers` replace some with sh scripts. */
function machinePath(wrappers: Record<string, string>, without: string[] = []): string {
  const bin = join(tempRoot('lb-mf-bin-'), 'bin');
  dirs.push(join(bin, '..'));
  mkdirSync(bin);
  for (const t of TOOLS.filter((t) => !without.includes(t))) {
    const found = ['/usr/bin', '/bin'].map((d) => join(d, t)).find((p) => existsSync(p));
    if (wrappers[t] !== undefined)
      writeFileSync(join(bin, t), `#!/bin/sh\n${wrappers[t]}\n`, { mode: 0o755 });
    else if (found) symlinkSync(found, join(bin, t));
  }
  return bin;
}

/** A volume of 2 MiB that does not compress: more than a pipe holds, so a dead reader stops tar. */
function volume(): string {
  const d = tempRoot('lb-mf-vol-');
  dirs.push(d);
  writeFileSync(join(d, 'app.db'), noise(2 << 20, 5));
  return d;
}

async function failedBackup(bin: string, compression: 'auto' | 'zstd' | 'gzip') {
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const store = new MemoryStore({ clock: clock.now });
  const logger = new RecordingLogger();
  const error = await runBackup(backupOptions({ path: volume(), compression }), {
    store,
    source: new MachineSource(bin),
    logger,
    now: clock.now,
  }).then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  if (!error) throw new Error('the backup succeeded');
  const stored = store.keys(`${LAYOUT.root}/`).filter((k) => /archive|manifest|latest/.test(k));
  return { error, stored, openUploads: store.openUploads() };
}

describe('a compressor that dies on the machine', () => {
  // was a bug: tar, killed by SIGPIPE when zstd was gone (exit 141), was named as the cause:
  // "tar failed on the source with exit status 141 (see its message above)"
  it.each([
    ['zstd cannot start (a missing library: exit 127)', 'zstd', 'auto', 127],
    ['zstd killed mid-stream (SIGKILL: 137)', 'zstd', 'zstd', 137],
    ['gzip exits 1 at once', 'gzip', 'gzip', 1],
  ] as const)('%s: the compressor is named, not tar', async (_n, tool, compression, status) => {
    const die =
      status === 137
        ? `/usr/bin/head -c 100000 >/dev/null; kill -9 $$`
        : `echo "${tool}: error while loading shared libraries: lib${tool}.so.1: cannot open shared object file" >&2; exit ${status}`;
    // the wrapper answers `command -v`, as a real broken binary does; only running it fails
    const run = await failedBackup(machinePath({ [tool]: die }), compression);
    expect(run.error).toBeInstanceOf(OperationFailedError);
    expect(run.error.message).toMatch(
      new RegExp(
        `^${tool} failed on the Fly machine with exit status ${status} \\(see its message above\\), ` +
          'and tar then stopped because nothing read its output any more \\(exit 141, SIGPIPE\\): the compressor is the cause, ' +
          `not tar or the volume; nothing was published\\. Check that \`${tool} -V\` runs there, or reinstall it: ` +
          `add it to the image with the Dockerfile line \`RUN apt-get update && apt-get install -y --no-install-recommends ${tool}\``,
      ),
    );
    expect(run.stored).toEqual([]);
    expect(run.openUploads).toEqual({});
  });
});

describe('a tar or zstd on the machine that writes a broken archive and exits 0', () => {
  // was: "the archive stream from flyctl is damaged: Unexpected end of data", which blames the
  // link; the end marker arrived, so the bytes are what the machine's tools wrote
  it.each([
    [
      'a tar that stops after 20,000 bytes',
      {
        tar: 'case "$1" in -cf) if [ "$2" = - ]; then /usr/bin/tar "$@" | /usr/bin/head -c 20000; exit 0; fi;; esac\nexec /usr/bin/tar "$@"',
      },
      'auto',
      /^the archive that the Fly machine wrote is not a complete, valid archive \(Unexpected end of data\), although tar and cat there reported no error and the stream arrived whole \(its end marker came\): the machine's tar or compressor is faulty; nothing was published\. Check them there \(`tar --version`\) and reinstall the faulty one: tar \(add it to the image with the Dockerfile line `RUN apt-get update && apt-get install -y --no-install-recommends tar` \(Debian, Ubuntu\) or `RUN apk add --no-cache tar` \(Alpine\)\)\.$/,
    ],
    [
      'a zstd that writes something else',
      { zstd: '/usr/bin/cat >/dev/null; echo not-zstd-at-all; exit 0' },
      'zstd',
      /^the archive that the Fly machine wrote is not a complete, valid archive \(.+\), although tar and zstd there reported no error .*Check them there \(`tar --version`, `zstd -V`\) and reinstall the faulty one: tar \(.*\), zstd \(.*install -y --no-install-recommends zstd` .*\)\.$/,
    ],
  ] as const)("%s: failed, the machine's tools named", async (_n, wrappers, compression, message) => {
    // the truncating tar on a machine without zstd: the runner's compression path (plain tar sent)
    const run = await failedBackup(machinePath(wrappers, 'tar' in wrappers ? ['zstd'] : []), compression);
    expect(run.error).toBeInstanceOf(OperationFailedError);
    expect(run.error.message).toMatch(message);
    expect(run.stored).toEqual([]);
    expect(run.openUploads).toEqual({});
  });
});
