import { copyFile, lstat, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runCaptured } from '../util/process.js';

/**
 * What `PRAGMA integrity_check` says of one restored file:
 * - `ok`: SQLite's "ok" (`note`: how it got there, or what a person should know);
 * - `corrupt`: SQLite read the file and found it damaged (its words);
 * - `not-sqlite`: the file does not start with SQLite's header: the glob matched another kind
 *   of file (a Berkeley DB `.db`, a cache), which says nothing of the archive.
 */
export type SqliteVerdict =
  | { kind: 'ok'; note?: string }
  | { kind: 'corrupt'; message: string }
  | { kind: 'not-sqlite'; message: string };

/** The first 16 bytes of every SQLite 3 database file (fileformat.html, "The Database Header"). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * PRAGMA integrity_check with a real SQLite: node:sqlite in a worker thread (its calls block, and
 * a signal must still end the run: the worker is terminated), else the sqlite3 CLI. The file is
 * opened read-only; a hot rollback journal beside it (a copy taken mid-transaction) needs a write
 * to roll back, which read-only refused with "attempt to write a readonly database" and was
 * recorded as corrupt (attacker, 2026-12-03): the database and its journal are then copied into a
 * scratch folder beside them and checked there, as the app's first open would see them.
 */
export async function sqliteIntegrity(file: string, signal?: AbortSignal): Promise<SqliteVerdict> {
  const size = (await stat(file)).size;
  if (size === 0) return { kind: 'ok', note: 'an empty file: SQLite reads it as a database with no tables' };
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (!head.equals(SQLITE_HEADER)) {
    return {
      kind: 'not-sqlite',
      message: 'not a SQLite database (it does not start with the SQLite 3 header)',
    };
  }
  const first = await integrityCheck(file, true, signal);
  if (first.kind !== 'readonly') return first;
  const scratch = await mkdtemp(join(dirname(file), '.lifeboat-sqlite-'));
  try {
    const copy = join(scratch, basename(file));
    await copyFile(file, copy);
    // the journal only when it is a file of the restored copy: a symlink would read this machine's
    // files (attacker, 2026-12-03)
    const journal = await lstat(`${file}-journal`).catch(() => undefined);
    if (journal?.isFile()) await copyFile(`${file}-journal`, `${copy}-journal`);
    const second = await integrityCheck(copy, false, signal);
    if (second.kind === 'readonly') return { kind: 'corrupt', message: second.message };
    return second.kind === 'ok'
      ? { kind: 'ok', note: 'after rolling back its hot journal, as the first open by the app does' }
      : second;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

type CheckResult = SqliteVerdict | { kind: 'readonly'; message: string };

/** The worker's code: CommonJS, as an eval'd worker runs it (no bundler sees it). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let sqlite;
try { sqlite = require('node:sqlite'); } catch { sqlite = undefined; }
if (!sqlite) parentPort.postMessage({ missing: true });
else try {
  const db = new sqlite.DatabaseSync(workerData.file, { readOnly: workerData.readOnly });
  try {
    const rows = db.prepare('PRAGMA integrity_check').all();
    parentPort.postMessage({ lines: rows.map((r) => String(Object.values(r)[0])) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort.postMessage({ error: String(err && err.message), code: err && err.code, errcode: err && err.errcode });
}
`;

interface WorkerAnswer {
  missing?: boolean;
  lines?: string[];
  error?: string;
  errcode?: number;
}

/** SQLITE_READONLY (8) and its extended codes (SQLITE_READONLY_ROLLBACK is 8 | 3 << 8). */
const isReadonly = (a: WorkerAnswer) =>
  (a.errcode !== undefined && (a.errcode & 0xff) === 8) || /readonly database/i.test(a.error ?? '');

async function integrityCheck(file: string, readOnly: boolean, signal?: AbortSignal): Promise<CheckResult> {
  const answer = await inWorker(file, readOnly, signal);
  if (answer.missing) return sqliteCli(file, readOnly, signal);
  if (answer.lines) {
    return answer.lines.length === 1 && answer.lines[0] === 'ok'
      ? { kind: 'ok' }
      : { kind: 'corrupt', message: answer.lines.slice(0, 5).join('; ') };
  }
  const message = answer.error ?? 'SQLite failed without a message';
  return isReadonly(answer) ? { kind: 'readonly', message } : { kind: 'corrupt', message };
}

function inWorker(file: string, readOnly: boolean, signal?: AbortSignal): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const worker = new Worker(WORKER, { eval: true, workerData: { file, readOnly } });
    let answer: WorkerAnswer | undefined;
    const onAbort = () => {
      void worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: WorkerAnswer) => (answer = m));
    worker.once('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    worker.once('exit', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(answer ?? { error: 'the SQLite worker ended without an answer' });
    });
  });
}

async function sqliteCli(file: string, readOnly: boolean, signal?: AbortSignal): Promise<CheckResult> {
  const out = await runCaptured(
    'sqlite3',
    [...(readOnly ? ['-readonly'] : []), file, 'PRAGMA integrity_check;'],
    {
      installHint: 'install sqlite3 (apt-get install sqlite3) or run on Node >= 22.5',
      ...(signal ? { signal } : {}),
    },
  );
  const text = out.stdout.trim();
  if (out.code === 0 && text === 'ok') return { kind: 'ok' };
  const message = (text || out.stderrTail.join(' ')).split('\n').slice(0, 5).join('; ');
  return /readonly database/i.test(message) ? { kind: 'readonly', message } : { kind: 'corrupt', message };
}
