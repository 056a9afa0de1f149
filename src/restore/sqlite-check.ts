import { createRequire } from 'node:module';
import { runCaptured } from '../util/process.js';

export interface SqliteVerdict {
  ok: boolean;
  message: string;
}

interface SqliteModule {
  DatabaseSync: new (
    path: string,
    options?: { readOnly?: boolean },
  ) => {
    prepare(sql: string): { all(): Record<string, unknown>[] };
    close(): void;
  };
}

function nodeSqlite(): SqliteModule | undefined {
  try {
    // node:sqlite ships with Node >= 22.5 (the node24 runtime); required lazily so bundlers leave it alone
    return createRequire(import.meta.url)('node:sqlite') as SqliteModule;
  } catch {
    return undefined;
  }
}

/** PRAGMA integrity_check with a real SQLite: node:sqlite where present, else the sqlite3 CLI. */
export async function sqliteIntegrity(file: string): Promise<SqliteVerdict> {
  const mod = nodeSqlite();
  if (mod) {
    try {
      const db = new mod.DatabaseSync(file, { readOnly: true });
      try {
        const rows = db.prepare('PRAGMA integrity_check').all();
        const lines = rows.map((r) => String(Object.values(r)[0]));
        return lines.length === 1 && lines[0] === 'ok'
          ? { ok: true, message: 'ok' }
          : { ok: false, message: lines.slice(0, 5).join('; ') };
      } finally {
        db.close();
      }
    } catch (err) {
      return { ok: false, message: (err as Error).message };
    }
  }
  const out = await runCaptured('sqlite3', ['-readonly', file, 'PRAGMA integrity_check;'], {
    installHint: 'install sqlite3 (apt-get install sqlite3) or run on Node >= 22.5',
  });
  const text = out.stdout.trim();
  if (out.code === 0 && text === 'ok') return { ok: true, message: 'ok' };
  return { ok: false, message: (text || out.stderrTail.join(' ')).split('\n').slice(0, 5).join('; ') };
}
