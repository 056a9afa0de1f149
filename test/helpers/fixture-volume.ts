import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  utimesSync,
  lutimesSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Deterministic pseudo-random bytes (xorshift), so fixtures are the same on every machine. */
export function pseudoRandomBytes(size: number, seed: number): Buffer {
  const buf = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buf[i] = x & 0xff;
  }
  return buf;
}

const FIXED_TIME = new Date('2026-10-01T12:34:56Z');

/**
 * A small volume with what real ones hold: nested folders, binary and text files, names with
 * spaces, quotes and unicode, empty files and folders, symlinks (relative, dangling), odd modes.
 */
export function makeFixtureVolume(opts: { bigBytes?: number } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'lifeboat-volume-'));
  const w = (rel: string, data: string | Buffer, mode?: number) => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, data);
    if (mode !== undefined) chmodSync(p, mode);
  };
  w('app.db', pseudoRandomBytes(64 * 1024, 7));
  w('uploads/2026/11/photo one.jpg', pseudoRandomBytes(300_000, 11));
  w('uploads/2026/11/notes "quoted".txt', 'a "quoted" name\n');
  w("uploads/it's here.txt", 'single quote in name\n');
  w('uploads/ünïcødé — 文件.txt', 'unicode name\n');
  w('uploads/$HOME;rm -rf x.txt', 'shell characters in a name\n');
  w('config/settings.json', JSON.stringify({ feature: true, n: 42 }, null, 2));
  w('config/secret.key', 'k3y\n', 0o600);
  w('bin/run.sh', '#!/bin/sh\necho run\n', 0o755);
  w('empty-file', '');
  w('deep/a/b/c/d/e/f/leaf.txt', 'deep\n');
  w('big.bin', pseudoRandomBytes(opts.bigBytes ?? 2 * 1024 * 1024, 23));
  mkdirSync(join(root, 'empty-dir'));
  mkdirSync(join(root, 'deep/empty-nested'), { recursive: true });
  symlinkSync('config/settings.json', join(root, 'settings-link.json'));
  symlinkSync('../app.db', join(root, 'uploads/db-link'));
  symlinkSync('does-not-exist', join(root, 'dangling-link'));
  setTimes(root);
  return root;
}

/** Gives every entry a fixed mtime so that trees can be compared to the second. */
export function setTimes(root: string, time = FIXED_TIME): void {
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      if (e.isSymbolicLink()) lutimesSync(p, time, time);
      else utimesSync(p, time, time);
    }
  };
  walk(root);
  utimesSync(root, time, time);
}

export interface TreeEntry {
  type: 'file' | 'dir' | 'symlink' | 'other';
  mode: string;
  size?: number;
  sha256?: string;
  target?: string;
  mtime: number;
}

/** Everything that must survive a round trip, by relative path. */
export function describeTree(root: string): Record<string, TreeEntry> {
  const out: Record<string, TreeEntry> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      const rel = relative(root, p);
      const base = { mode: (st.mode & 0o7777).toString(8), mtime: Math.floor(st.mtimeMs / 1000) };
      if (st.isSymbolicLink()) out[rel] = { type: 'symlink', target: readlinkSync(p), ...base, mode: '' };
      else if (st.isDirectory()) {
        out[rel] = { type: 'dir', ...base };
        walk(p);
      } else if (st.isFile()) {
        out[rel] = {
          type: 'file',
          size: st.size,
          sha256: createHash('sha256').update(readFileSync(p)).digest('hex'),
          ...base,
        };
      } else out[rel] = { type: 'other', ...base };
    }
  };
  walk(root);
  return out;
}
