// Deterministic fixture "volume" for the benchmark (issue 7).
//   node bench/fixture.mjs <dir> <gib>            generate (skipped when <dir>.json matches)
//   node bench/fixture.mjs <dir> <gib> mutate     rewrite 1% of the files (restic's second backup)
//   node bench/fixture.mjs <dir> <gib> unmutate   put them back
//   node bench/fixture.mjs <dir> <files> many     the many-small-files volume of the restore rows
// About 40% of the bytes are small compressible files (20,000 per GiB, 1-50 KB: text logs, JSON,
// SQLite-like pages), 60% large incompressible files (AES-CTR keystream, 8-64 MiB). Same seed,
// same bytes, on every machine.
import { createCipheriv, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 1;
const GIB = 1024 ** 3;

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

const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but ' +
  'have an they you were her she there been one all we their has would when if so no will more can who its ' +
  'user session token request response error warning info debug backup volume snapshot restore machine app ' +
  'deploy database query index table row column commit rollback insert update delete select where order ' +
  'limit offset status ok failed latency bytes seconds region ams fra iad lax sjc worker queue job retry'
).split(' ');

function lines(r, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = 6 + Math.floor(r() * 14);
    const w = [];
    for (let j = 0; j < n; j++) w.push(WORDS[Math.floor(r() * WORDS.length)]);
    out.push(w.join(' '));
  }
  return out;
}

function keystream(seed, bytes) {
  const key = createHash('sha256').update(`lifeboat-bench-${seed}`).digest().subarray(0, 16);
  const c = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  return c.update(Buffer.alloc(bytes));
}

/** Content of small file i (variant 1 = the "changed" version for the second restic backup). */
function smallFile(i, variant = 0) {
  const r = rng(i * 2654435761 + 12345 + variant * 97);
  const size = 1024 + Math.floor(49 * 1024 * Math.pow(r(), 1.3));
  const kind = i % 3;
  let buf;
  if (kind === 0) {
    // log lines with timestamps
    const parts = [];
    let len = 0;
    let t = 1790000000 + i * 37;
    const pool = lines(r, 64);
    while (len < size) {
      t += Math.floor(r() * 5);
      const s =
        `${new Date(t * 1000).toISOString()} ${['INFO', 'WARN', 'DEBUG', 'ERROR'][Math.floor(r() * 4)]} ` +
        `req=${(r() * 1e9).toString(36).slice(0, 6)} ${pool[Math.floor(r() * pool.length)]}\n`;
      parts.push(s);
      len += s.length;
    }
    buf = Buffer.from(parts.join(''));
  } else if (kind === 1) {
    // JSON records
    const recs = [];
    let len = 0;
    const pool = lines(r, 32);
    while (len < size) {
      const rec = JSON.stringify({
        id: Math.floor(r() * 1e9),
        user: `user${Math.floor(r() * 5000)}@example.com`,
        created_at: new Date((1790000000 + Math.floor(r() * 1e7)) * 1000).toISOString(),
        plan: ['free', 'pro', 'team'][Math.floor(r() * 3)],
        score: Math.round(r() * 10000) / 100,
        note: pool[Math.floor(r() * pool.length)],
      });
      recs.push(rec);
      len += rec.length + 2;
    }
    buf = Buffer.from(`[${recs.join(',\n')}]\n`);
  } else {
    // SQLite-like: 4 KiB pages, header, records, zero-filled free space
    const pages = Math.max(1, Math.round(size / 4096));
    buf = Buffer.alloc(pages * 4096);
    buf.write('SQLite format 3\0', 0, 'latin1');
    buf.writeUInt16BE(4096, 16);
    const pool = lines(r, 48);
    for (let p = 0; p < pages; p++) {
      let off = p * 4096 + (p === 0 ? 100 : 0) + 8;
      const fill = 0.5 + r() * 0.45;
      while (off < p * 4096 + 4096 * fill) {
        const rec = `${Math.floor(r() * 1e6)}|${pool[Math.floor(r() * pool.length)]}|${(r() * 1e4).toFixed(2)}`;
        if (off + rec.length + 2 > p * 4096 + 4096) break;
        buf.writeUInt16BE(rec.length, off);
        buf.write(rec, off + 2, 'latin1');
        off += rec.length + 2;
      }
    }
  }
  return buf.subarray(0, Math.min(buf.length, Math.max(size, 1024)));
}

const ext = ['log', 'json', 'sqlite'];
const smallPath = (dir, i) =>
  join(
    dir,
    'app',
    `shard-${String(Math.floor(i / 500)).padStart(3, '0')}`,
    `f${String(i).padStart(6, '0')}.${ext[i % 3]}`,
  );

function plan(gib) {
  const small = Math.round(20000 * gib);
  const large = [];
  let bytes = 0;
  const target = 0.6 * gib * GIB;
  const r = rng(424242);
  while (bytes < target) {
    const size = Math.min(Math.round((8 + r() * 56) * 1024 * 1024), Math.ceil(target - bytes));
    large.push(size);
    bytes += size;
  }
  return { small, large };
}

function generate(dir, gib) {
  const meta = `${dir}.json`;
  if (existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8'));
    if (m.version === VERSION && m.gib === gib && existsSync(dir)) {
      process.stderr.write(`[fixture] ${dir} exists: ${m.files} files, ${m.bytes} bytes\n`);
      return m;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const p = plan(gib);
  let smallBytes = 0;
  for (let i = 0; i < p.small; i++) {
    const f = smallPath(dir, i);
    if (i % 500 === 0) mkdirSync(join(f, '..'), { recursive: true });
    const b = smallFile(i);
    writeFileSync(f, b);
    smallBytes += b.length;
  }
  mkdirSync(join(dir, 'uploads'), { recursive: true });
  let largeBytes = 0;
  p.large.forEach((size, k) => {
    writeFileSync(join(dir, 'uploads', `blob-${String(k).padStart(4, '0')}.bin`), keystream(k, size));
    largeBytes += size;
  });
  const m = {
    version: VERSION,
    gib,
    files: p.small + p.large.length,
    bytes: smallBytes + largeBytes,
    small_files: p.small,
    small_bytes: smallBytes,
    large_files: p.large.length,
    large_bytes: largeBytes,
  };
  writeFileSync(meta, JSON.stringify(m, null, 2));
  process.stderr.write(`[fixture] generated ${dir}: ${m.files} files, ${m.bytes} bytes\n`);
  return m;
}

function mutate(dir, gib, variant) {
  const p = plan(gib);
  const n = Math.round((p.small + p.large.length) / 100);
  for (let k = 0; k < n; k++) {
    const i = Math.floor((k * p.small) / n);
    writeFileSync(smallPath(dir, i), smallFile(i, variant));
  }
  return n;
}

// ---- many small files (issue 18): a tree shaped like a mail spool, a package cache or uploaded
// thumbnails, where a restore's time is its per-file cost. <files> files of 64 B - 4 KiB (text,
// compressible) in folders of 100, two levels deep (top-NNN/dNN/fNNNNNNN.txt).
const MANY_VERSION = 1;
const PER_FOLDER = 100;
const FOLDERS_PER_TOP = 50;
const MAIL_WORDS =
  'from to subject date message id received by with for the of and queue delivered status ok user mailbox'.split(
    ' ',
  );

function manyBody(i) {
  const r = rng(i * 2654435761 + 777);
  const size = 64 + Math.floor(4032 * Math.pow(r(), 2));
  const parts = [];
  let len = 0;
  while (len < size) {
    const w = `${MAIL_WORDS[Math.floor(r() * MAIL_WORDS.length)]}${r() < 0.15 ? '\n' : ' '}`;
    parts.push(w);
    len += w.length;
  }
  return Buffer.from(parts.join('').slice(0, size));
}

function manyPath(dir, i) {
  const folder = Math.floor(i / PER_FOLDER);
  return join(
    dir,
    `top-${String(Math.floor(folder / FOLDERS_PER_TOP)).padStart(3, '0')}`,
    `d${String(folder % FOLDERS_PER_TOP).padStart(2, '0')}`,
    `f${String(i).padStart(7, '0')}.txt`,
  );
}

function generateMany(dir, count) {
  const meta = `${dir}.json`;
  if (existsSync(meta) && existsSync(dir)) {
    const m = JSON.parse(readFileSync(meta, 'utf8'));
    if (m.version === MANY_VERSION && m.files === count) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const f = manyPath(dir, i);
    if (i % PER_FOLDER === 0) mkdirSync(join(f, '..'), { recursive: true });
    const b = manyBody(i);
    writeFileSync(f, b);
    bytes += b.length;
  }
  const m = { version: MANY_VERSION, files: count, folders: Math.ceil(count / PER_FOLDER), bytes };
  writeFileSync(meta, JSON.stringify(m, null, 2));
  return m;
}

const [dir, gibArg, cmd] = process.argv.slice(2);
const gib = Number(gibArg);
if (!dir || !(gib > 0)) {
  process.stderr.write('usage: node bench/fixture.mjs <dir> <gib> [mutate|unmutate] | <dir> <files> many\n');
  process.exit(2);
}
if (cmd === 'many') process.stdout.write(`${JSON.stringify(generateMany(dir, gib))}\n`);
else if (cmd === 'mutate') process.stdout.write(`${mutate(dir, gib, 1)}\n`);
else if (cmd === 'unmutate') process.stdout.write(`${mutate(dir, gib, 0)}\n`);
else process.stdout.write(`${JSON.stringify(generate(dir, gib))}\n`);
