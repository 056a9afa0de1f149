import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveDamagedError, ArchiveLimitError } from '../../src/archive/archive-inspector.js';
import { classifyFailure, type FailureKind } from '../../src/restore/failure-kinds.js';
import { UnsafeEntryError } from '../../src/restore/safe-extractor.js';
import { ConfigurationError, EnvironmentError, InterruptedError } from '../../src/util/errors.js';
import { explainRunnerFault, isRunnerFault } from '../../src/util/runner-faults.js';
import { s3Error } from '../ports/memory-store.js';

/** An error as node:fs or child_process makes them. */
function systemError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path ?? ''}'`), { code, syscall, path });
}

const zlibDataError = () => Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
const prematureClose = () =>
  Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
const stalled = () => new EnvironmentError('s3://b stopped sending k mid-download: no byte moved for 30 s.');

// whose fault a failure is: the table in src/restore/failure-kinds.ts, row by row, and how the
// errors of one failure combine (the strongest kind wins; causes count)
describe('classifyFailure', () => {
  it.each<[string, unknown[], FailureKind, FailureKind]>([
    ['a full disk while extracting', [systemError('ENOSPC', 'open', '/h/a')], 'archive', 'environment'],
    ['no free inodes (ENOSPC too)', [systemError('ENOSPC', 'mkdir', '/h/d')], 'archive', 'environment'],
    ['a quota', [systemError('EDQUOT', 'write')], 'archive', 'environment'],
    ['too many open files', [systemError('EMFILE', 'open')], 'archive', 'environment'],
    ['a path too long for the runner', [systemError('ENAMETOOLONG', 'open')], 'archive', 'environment'],
    ['a missing program', [systemError('ENOENT', 'spawn sqlite3', 'sqlite3')], 'archive', 'environment'],
    [
      'the walk wrapped a full disk',
      [new ArchiveDamagedError('x', { cause: systemError('ENOSPC', 'write') })],
      'archive',
      'environment',
    ],
    [
      'the walk wrapped a stalled download',
      [new ArchiveDamagedError('x', { cause: stalled() })],
      'archive',
      'environment',
    ],
    [
      'a stalled download and the truncated tar it left',
      [stalled(), new ArchiveDamagedError('unexpected end of file')],
      'archive',
      'environment',
    ],
    [
      'a runtime feature missing',
      [new EnvironmentError('zstd archives need Node.js >= 22.15')],
      'archive',
      'environment',
    ],
    [
      'a signal, whatever broke after it',
      [new InterruptedError('interrupted by SIGTERM'), stalled(), systemError('ENOSPC', 'open')],
      'archive',
      'interrupted',
    ],
    ['bad input', [new ConfigurationError('holding-dir is a file')], 'environment', 'configuration'],
    [
      'bytes that do not decompress',
      [new ArchiveDamagedError('incorrect header check', { cause: zlibDataError() })],
      'environment',
      'archive',
    ],
    [
      'a refused member and the feed it stopped',
      [new UnsafeEntryError('refused'), prematureClose()],
      'environment',
      'archive',
    ],
    [
      'more than the manifest records',
      [new ArchiveLimitError('it has more than 10 entries')],
      'environment',
      'archive',
    ],
    [
      'the archive object is missing',
      [new Error('s3://b/k does not exist', { cause: s3Error('NoSuchKey', 404) })],
      'environment',
      'archive',
    ],
    ['nothing known: the step decides (a walk)', [prematureClose()], 'archive', 'archive'],
    [
      'nothing known: the step decides (a request)',
      [new Error('GetObject failed: InternalError (HTTP 500)')],
      'environment',
      'environment',
    ],
  ])('%s', (_what, errors, fallback, kind) => {
    expect(classifyFailure(errors, fallback).kind).toBe(kind);
  });

  it('names the error that decided, a cause when a cause decided', () => {
    const full = systemError('ENOSPC', 'open', '/h/a');
    expect(classifyFailure([undefined, new ArchiveDamagedError('x', { cause: full })], 'archive').error).toBe(
      full,
    );
  });
});

describe('explainRunnerFault', () => {
  it('says what lifeboat was doing, the cause, the code, the room needed and the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-runner-faults-unit-'));
    try {
      const e = await explainRunnerFault(
        systemError('ENOSPC', 'open', join(dir, 'never-written')),
        'Extracting snapshot S into H',
        { needs: 'the snapshot needs 1.0 MiB in 12 entries' },
      );
      expect(e).toBeInstanceOf(EnvironmentError);
      expect(e.message).toBe(
        `Extracting snapshot S into H failed on this machine, not because of the data: ENOSPC, the file system at ${join(dir, 'never-written')} has no free space left (df -h). ` +
          'The snapshot needs 1.0 MiB in 12 entries: free space (or inodes) on that file system, or choose a directory on a larger one, then run again.',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a write(2) names no path: the directory being written into is named and examined instead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-runner-faults-unit-'));
    try {
      const e = await explainRunnerFault(systemError('ENOSPC', 'write'), 'Extracting S', { place: dir });
      expect(e.message).toContain(`: ENOSPC, the file system at ${dir} has no free space left (df -h). `);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('symlink(2) names the link made, not its target', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeboat-runner-faults-unit-'));
    try {
      const err = Object.assign(systemError('ENOSPC', 'symlink', 'config/settings.json'), {
        dest: join(dir, 'settings-link.json'),
      });
      const e = await explainRunnerFault(err, 'Extracting S', { place: '/elsewhere' });
      expect(e.message).toContain(
        `: ENOSPC, the file system at ${join(dir, 'settings-link.json')} has no free space left`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a missing program is named; a fault without room needs no word on room', async () => {
    const e = await explainRunnerFault(systemError('ENOENT', 'spawn sqlite3', 'sqlite3'), 'Checking a.db', {
      needs: 'ignored',
    });
    expect(e.message).toBe(
      'Checking a.db failed on this machine, not because of the data: ENOENT, the program sqlite3 is not installed. Install it or put it on PATH, then run again.',
    );
    expect(isRunnerFault(systemError('ENOENT', 'spawn x'))).toBe(true);
    expect(isRunnerFault(Object.assign(new Error('x'), { code: 'Z_DATA_ERROR' }))).toBe(false);
  });
});
