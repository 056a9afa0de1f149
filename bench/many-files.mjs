// Deterministic many-small-files "volume" for the restore benchmark (issue 18): a tree shaped like
// a mail spool, a package cache or uploaded thumbnails, where a restore's time is its per-file cost.
//   node bench/many-files.mjs <dir> <files>     generate (skipped when <dir>.json matches)
// <files> files of 64 B - 4 KiB (text, compressible) in folders of 100, two levels deep
// (top/NN/fNNNNNN.txt), plus the folders. Same seed, same bytes, on every machine.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 1;
const PER_FOLDER = 100;
const FOLDERS_PER_TOP = 50;

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const WORDS =
  'from to subject date message id received by with for the of and queue delivered status ok user mailbox'.split(
    ' ',
  );

function body(i) {
  const r = rng(i * 2654435761 + 777);
  const size = 64 + Math.floor(4032 * Math.pow(r(), 2));
  const parts = [];
  let len = 0;
  while (len < size) {
    const w = `${WORDS[Math.floor(r() * WORDS.length)]}${r() < 0.15 ? '\n' : ' '}`;
    parts.push(w);
    len += w.length;
  }
  return Buffer.from(parts.join('').slice(0, size));
}

const pathOf = (dir, i) => {
  const folder = Math.floor(i / PER_FOLDER);
  return join(
    dir,
    `top-${String(Math.floor(folder / FOLDERS_PER_TOP)).padStart(3, '0')}`,
    `d${String(folder % FOLDERS_PER_TOP).padStart(2, '0')}`,
    `f${String(i).padStart(7, '0')}.txt`,
  );
};

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!dir || !(count > 0)) {
  process.stderr.write('usage: node bench/many-files.mjs <dir> <files>\n');
  process.exit(2);
}
const meta = `${dir}.json`;
if (existsSync(meta) && existsSync(dir)) {
  const m = JSON.parse(readFileSync(meta, 'utf8'));
  if (m.version === VERSION && m.files === count) {
    process.stdout.write(`${JSON.stringify(m)}\n`);
    process.exit(0);
  }
}
rmSync(dir, { recursive: true, force: true });
let bytes = 0;
for (let i = 0; i < count; i++) {
  const f = pathOf(dir, i);
  if (i % PER_FOLDER === 0) mkdirSync(join(f, '..'), { recursive: true });
  const b = body(i);
  writeFileSync(f, b);
  bytes += b.length;
}
const m = { version: VERSION, files: count, folders: Math.ceil(count / PER_FOLDER), bytes };
writeFileSync(meta, JSON.stringify(m, null, 2));
process.stdout.write(`${JSON.stringify(m)}\n`);
