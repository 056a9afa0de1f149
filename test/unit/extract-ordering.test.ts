import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveInspector } from '../../src/archive/archive-inspector.js';
import { restoreToDirectory, type RestoreChecks } from '../../src/jobs/restore.js';
import { SafeExtractor } from '../../src/restore/safe-extractor.js';
import { silentLogger } from '../../src/util/logger.js';
import { tempRoot } from '../helpers/odd-tree.js';
import { tarOf, type Member } from '../helpers/tar-members.js';
import { backup, PREFIX, TARGET } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';

/**
 * The first refusal in archive order is the one reported, and nothing is ever written through a
 * symlink an earlier member made, however many writes come before: a member refused on disk (a
 * write through a symlink just made) after 3,000 small files, and a member refused by its name
 * alone (a name held twice) right after it. A guard for any extractor that overlaps its writes
 * with the walk (a worker thread was measured and not kept: bench/NOTES.md, w-extract3).
 */

/** One scratch folder for the file, removed after it. */
const scratch = tempRoot('lb-order-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let made = 0;
/** A new folder holding `holding/` (empty) and `outside/secret`: what a restore must never reach. */
function place(): { base: string; holding: string; outside: string } {
  const base = join(scratch, String(made++));
  const [holding, outside] = [join(base, 'holding'), join(base, 'outside')];
  mkdirSync(holding, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), 'outside');
  return { base, holding, outside };
}

const dir = (name: string): Member => ({ header: { name, type: 'directory', mode: 0o755 } });
const file = (name: string, body = 'x'.repeat(700)): Member => ({ header: { name, mode: 0o644 }, body });
const symlink = (name: string, linkname: string): Member => ({ header: { name, type: 'symlink', linkname } });

/** 3,000 small files in 30 folders: far more than one batch, so writes are queued when the hazard comes. */
function queued(): Member[] {
  const out: Member[] = [dir('./'), dir('./a')];
  for (let d = 0; d < 30; d++) {
    out.push(dir(`./a/d${d}`));
    for (let f = 0; f < 100; f++) out.push(file(`./a/d${d}/f${f}`));
  }
  return out;
}

/** The hazard: a symlink to `outside`, a file through it, then a name held twice (refused on the main thread). */
const hazard = (outside: string): Member[] => [
  ...queued(),
  symlink('./l', outside),
  file('./l/pwned.txt', 'through the link'),
  file('./a/d0/f0', 'a second time'),
];

const THROUGH = /"\.\/l\/pwned\.txt" was refused: its path passes through the symlink "l"/;

describe('safe extractor: the first refusal in archive order, with writes in flight', () => {
  it('a file through a symlink made just before, then a name held twice: the symlink refusal is reported', async () => {
    const { holding, outside } = place();
    const extractor = new SafeExtractor(holding);
    const inspector = new ArchiveInspector('none', { onEntry: extractor.handle });
    inspector.input.end(await tarOf(hazard(outside)));
    const error = await inspector.result.then(
      () => extractor.finish(),
      (err: unknown) => err,
    );
    expect(String(error)).toMatch(THROUGH);
    expect(readdirSync(outside)).toEqual(['secret']);
    // every member before the refused one was written
    expect(readdirSync(join(holding, 'a', 'd29')).length).toBe(100);
  });

  it('a restore of that archive fails in those words, writes nothing outside and removes its directory', async () => {
    const { base, outside } = place();
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now });
    const run = await backup({ store, clock, archive: { tar: await tarOf(hazard(outside)) } });
    expect(run.result.status).toBe('ok');
    const latest = { snapshot: { kind: 'latest' as const }, requiredPaths: [], sqlite: [] };
    const checks: RestoreChecks = { target: TARGET, prefix: PREFIX, minEntries: 1, ...latest };
    const to = join(base, 'restored');
    const out = await restoreToDirectory(
      { checks, dir: to, ifEmpty: false },
      { store, logger: silentLogger },
    );
    expect(out.kind).toBe('failed');
    const details = out.kind === 'failed' ? out.verify.report.checks.map((c) => c.detail).join('\n') : '';
    expect(details).toMatch(THROUGH);
    expect(details).not.toMatch(/holds it twice/);
    expect(readdirSync(outside)).toEqual(['secret']);
    expect(existsSync(to)).toBe(false);
  });
});
