import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteIntegrity } from '../../src/restore/sqlite-check.js';

// node:sqlite's calls block: the check ran on the main thread, so a signal during the integrity
// check of a large database waited for it, and the run then wrote its verdict (attacker,
// 2026-12-03). The check runs in a worker that a signal terminates.
describe('sqliteIntegrity', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lb-unit-sqlite-'));
    file = join(dir, 'big.db');
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)');
    db.exec(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 150000) INSERT INTO t(v) SELECT randomblob(120) FROM n',
    );
    db.exec('CREATE INDEX tv ON t(v)');
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks a database off the main thread: the event loop keeps turning while it runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const verdict = await sqliteIntegrity(file);
    clearInterval(timer);
    expect(verdict).toEqual({ kind: 'ok' });
    expect(ticks).toBeGreaterThan(0);
  });

  it('a signal during the check ends it with the signal, not with a verdict', async () => {
    const controller = new AbortController();
    const checking = sqliteIntegrity(file, controller.signal);
    setTimeout(() => controller.abort(new Error('interrupted by SIGTERM')), 10);
    await expect(checking).rejects.toThrow('interrupted by SIGTERM');
  });
});
