import { describe, expect, it } from 'vitest';
import { judgeSourceRun } from '../../src/archive/judge-run.js';
import { buildArchiveScript } from '../../src/archive/remote-script.js';
import type { Manifest } from '../../src/catalog/manifest.js';
import { CLI_WORDS } from '../../src/cli/words.js';
import { ConfigurationError, errorMessage, OperationFailedError } from '../../src/util/errors.js';
import { ACTION_WORDS, speak } from '../../src/util/vocabulary.js';
import { quotedName, withNameBytes } from '../../src/archive/member-header.js';
import { memberSegments, safeEntryPath } from '../../src/restore/entry-path.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { backup, LAYOUT, volume } from '../ports/backup-fixture.js';

/**
 * The rules around members that are not the extractor's own (test/unit/safe-extractor.test.ts):
 * names as bytes, what a backup says about what tar left out, how the run of a tar other than GNU
 * tar is judged.
 */

describe('member names are bytes', () => {
  it('a Latin-1 name keeps its bytes; its UTF-8 reading is for messages only', () => {
    // tar-stream reads ustar names as latin1: one char per stored byte
    const header = withNameBytes({ name: './caf\xe9.txt', type: 'file' } as never);
    expect(header.nameBytes).toEqual(Buffer.from('./caf\xe9.txt', 'latin1'));
    expect(header.name).toBe('./caf\ufffd.txt');
    expect(quotedName(header.nameBytes!)).toBe('"./caf\\xe9.txt"');
    // a UTF-8 name reads as itself
    const utf8 = withNameBytes({ name: Buffer.from('./café.txt').toString('latin1'), type: 'file' } as never);
    expect(utf8.name).toBe('./café.txt');
    expect(quotedName(utf8.nameBytes!)).toBe('"./café.txt"');
  });

  it('two Latin-1 names that read as one UTF-8 string stay two', () => {
    const a = memberSegments(Buffer.from('./caf\xe9', 'latin1'));
    const b = memberSegments(Buffer.from('./caf\xe8', 'latin1'));
    expect('segments' in a && 'segments' in b && a.segments[0]!.equals(b.segments[0]!)).toBe(false);
  });

  it('the string form refuses what the byte form refuses', () => {
    expect(safeEntryPath('./a/../b')).toEqual({ refused: 'its name contains ".."' });
    expect(safeEntryPath('/etc/passwd')).toEqual({ refused: 'its name is an absolute path' });
    expect(safeEntryPath('./a/./b//c/')).toEqual({ path: 'a/b/c' });
    expect(safeEntryPath('./')).toEqual({ path: '' });
  });
});

describe('what tar left out is written in the manifest', () => {
  it('sockets tar ignored become one warning in the manifest; the backup is ok', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const { result, logger } = await backup({
      store,
      clock,
      archive: { entries: volume() },
      play: { stderr: ['tar: ./run/app.sock: socket ignored', 'tar: ./run/other.sock: socket ignored'] },
    });
    expect(logger.lines).toContain('[flyctl] tar: ./run/app.sock: socket ignored');
    expect(result.status).toBe('ok');
    const manifest = store.json<Manifest>(LAYOUT.manifestKey(result.snapshotId))!;
    expect(manifest.warnings).toEqual([
      'tar left out 2 sockets (./run/app.sock, ./run/other.sock): no tar archives sockets; the program that listens on one makes it again when it starts',
    ]);
  });
});

describe('a tar other than GNU tar', () => {
  const outcome = { code: 0, signal: null, stderrTail: [] };
  it('its exit 1 is an error (err=tar), not the "file changed" warning of GNU tar', () => {
    expect(() =>
      judgeSourceRun('local tar', '/data', { pre: 0, tar: 1, zip: 0, err: 'tar' }, outcome, undefined),
    ).toThrow(
      new OperationFailedError(
        'tar failed on the source with exit status 1 (see its message above); nothing was published.',
      ),
    );
    expect(
      judgeSourceRun('local tar', '/data', { pre: 0, tar: 1, zip: 0, err: '' }, outcome, undefined).warnings,
    ).toHaveLength(1);
  });

  it("without --exclude: user excludes stop the run before tar (noexclude), lifeboat's own folders are left out without it", () => {
    expect(() =>
      judgeSourceRun('flyctl', '/data', { pre: 0, tar: 0, zip: 0, err: 'noexclude' }, outcome, undefined),
    ).toThrow(ConfigurationError);
    // the option is named as each face names it: the input in an action, the flag in the CLI
    const refusal = () =>
      errorMessage(
        (() => {
          try {
            judgeSourceRun(
              'flyctl',
              '/data',
              { pre: 0, tar: 0, zip: 0, err: 'noexclude' },
              outcome,
              undefined,
            );
          } catch (err) {
            return err;
          }
        })(),
      );
    expect(refusal()).toContain("so 'exclude' cannot be honoured; ");
    expect(refusal()).toContain("Remove 'exclude', or install GNU tar there");
    try {
      speak(CLI_WORDS);
      expect(refusal()).toContain('so --exclude cannot be honoured; ');
      expect(refusal()).toContain('Remove --exclude, or install GNU tar there');
    } finally {
      speak(ACTION_WORDS);
    }
    expect(buildArchiveScript({ path: '/data', compression: 'gzip', excludes: ['./cache'] })).toContain(
      'if [ "$X" = 0 ]; then lb_quit 0 noexclude; fi',
    );
    expect(buildArchiveScript({ path: '/data', compression: 'gzip', excludes: [] })).not.toContain(
      'noexclude',
    );
  });
});
