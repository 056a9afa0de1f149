import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { describeChange } from '../../src/catalog/index-diff.js';
import { shownName } from '../../src/catalog/snapshot-index.js';
import { dumpFile } from '../../src/jobs/dump.js';
import type { RestoreChecks } from '../../src/jobs/restore.js';
import { ConfigurationError } from '../../src/util/errors.js';
import { silentLogger } from '../../src/util/logger.js';
import { backup, RESTORE_CHECKS } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';

/** Names a volume can hold that must neither forge a listing line nor pick the wrong file. */

let scratch = '';
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});

describe('a name with control characters is shown quoted, one line per entry', () => {
  it('a newline, an escape, a C1 control and a line separator are escaped; other names are as they are', () => {
    expect(shownName('uploads/a.png')).toBe('uploads/a.png');
    expect(shownName('café/ünï.txt')).toBe('café/ünï.txt');
    expect(shownName('evil\n-rw-r--r--  0/0  5 fake.txt')).toBe('"evil\\n-rw-r--r--  0/0  5 fake.txt"');
    expect(shownName('a"b\\\tc\x1b[31m')).toBe('"a\\"b\\\\\\tc\\u001b[31m"');
    expect(shownName('x\x9by\u2028z')).toBe('"x\\u009by\\u2028z"');
  });

  it("diff's line of a changed path with a newline in its name stays one line", () => {
    const line = describeChange(
      { path: 'evil\n+ forged', kind: 'added', aspects: [], sizeDelta: 5 } as never,
      (n) => `${n} B`,
    );
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('+ "evil\\n+ forged" +5 B');
  });
});

describe('dump of a name that is not UTF-8', () => {
  const CHECKS: RestoreChecks = RESTORE_CHECKS;

  it('two Latin-1 names read as one argument: refused naming both, never "matched" with the first one', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'lb-unit-names-'));
    const src = join(scratch, 'src');
    mkdirSync(src);
    writeFileSync(Buffer.concat([Buffer.from(`${src}/`), Buffer.from('caf\xe9.txt', 'latin1')]), 'L');
    writeFileSync(Buffer.concat([Buffer.from(`${src}/`), Buffer.from('caf\xe8.txt', 'latin1')]), 'M');
    writeFileSync(join(src, 'plain.txt'), 'plain');
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now });
    const run = await backup({
      store,
      clock,
      archive: { tar: execFileSync('tar', ['-C', src, '-cf', '-', '.']) },
    });
    expect(run.result.status).toBe('ok');
    const out = new PassThrough();
    out.resume();
    // Node reads a Latin-1 argument as its UTF-8 reading: what `lifeboat dump $'caf\xe8.txt'` receives
    const dumped = dumpFile({ checks: CHECKS, path: 'caf\ufffd.txt', out }, { store, logger: silentLogger });
    await expect(dumped).rejects.toThrow(ConfigurationError);
    await expect(dumped).rejects.toThrow(
      /reads the same as 2 members .*"caf\\x(e9|e8)\.txt", "caf\\x(e8|e9)\.txt".*nothing was written.*--include 'caf\?\.txt'/,
    );
    // a name that is unambiguous is still dumped
    const plain = new PassThrough();
    const chunks: Buffer[] = [];
    plain.on('data', (c: Buffer) => chunks.push(c));
    const ok = await dumpFile(
      { checks: CHECKS, path: 'plain.txt', out: plain },
      { store, logger: silentLogger },
    );
    expect(ok.kind).toBe('written');
    expect(Buffer.concat(chunks).toString()).toBe('plain');
  });
});
