import { execFileSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { split } from 'shlex';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../src/archive/stream-frame.js';
import { TRAILER_MAGIC } from '../../src/archive/remote-script.js';
import { shDashC, shWord } from '../../src/util/shell.js';

const hostile = [
  "it's",
  '"double"',
  '$(reboot)',
  '`id`',
  'a;b|c&d<e>f',
  '\\back\\slash',
  'new\nline',
  'ünïcødé 文件',
  '%s %d %%',
  '*?[]{}~!#',
  ' leading and trailing ',
  '-n',
];

describe('shell words', () => {
  it('every value comes back exactly from sh, through a POSIX word splitter (as flyctl does)', () => {
    for (const v of hostile) {
      const script = `printf "%s" ${shWord(v)}`;
      expect(script).not.toContain("'");
      const words = split(shDashC(script));
      expect(words.slice(0, 2)).toEqual(['sh', '-c']);
      const out = execFileSync(words[0]!, words.slice(1), { encoding: 'utf8' });
      expect(out).toBe(v);
    }
  });

  it('refuses NUL', () => {
    expect(() => shWord('a\0b')).toThrow(/NUL/);
  });
});

async function decode(chunks: Buffer[]) {
  const out: Buffer[] = [];
  const d = new FrameDecoder();
  await pipeline(Readable.from(chunks), d, async (src: AsyncIterable<Buffer>) => {
    for await (const c of src) out.push(c);
  });
  return {
    body: Buffer.concat(out),
    trailer: d.trailer,
    compression: d.compression,
    sourceUsedBytes: d.sourceUsedBytes,
  };
}

describe('stream framing', () => {
  const trailer = Buffer.from(`\n${TRAILER_MAGIC} pre=0 tar=1 zip=0 err=\n`);
  const body = Buffer.alloc(70_000, 7);
  body.write(`\n${TRAILER_MAGIC} pre=9 tar=9 zip=9 err=fake\n`, 100); // inside the archive: not a trailer

  it('passes the body through byte-exact and parses the last trailer, whatever the chunking', async () => {
    const whole = Buffer.concat([Buffer.from('LIFEBOAT-STREAM/1 zstd\n'), body, trailer]);
    for (const size of [1, 7, 255, 256, 257, 4096, whole.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.subarray(i, i + size));
      const r = await decode(chunks);
      expect(r.compression).toBe('zstd');
      expect(r.trailer).toEqual({ pre: 0, tar: 1, zip: 0, err: '' });
      expect(r.body.equals(body)).toBe(true);
    }
  });

  it('passes pipe-sized chunks on whole, without copying or splitting them', async () => {
    const chunks = [0, 1, 2].map((i) => Buffer.alloc(65_536, i));
    const out: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk);
        cb();
      },
    });
    const header = Buffer.from('LIFEBOAT-STREAM/1 none 0\n');
    await pipeline(Readable.from([header, ...chunks, trailer]), new FrameDecoder(), sink);
    // the very same memory, chunk for chunk (a copy would have another ArrayBuffer); only the
    // last chunk, held back with the trailer, is joined to it at the end
    expect(out).toHaveLength(3);
    for (let i = 0; i < 2; i++) {
      expect(out[i]!.buffer).toBe(chunks[i]!.buffer);
      expect([out[i]!.byteOffset, out[i]!.length]).toEqual([chunks[i]!.byteOffset, 65_536]);
    }
    expect(Buffer.concat(out).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('a stream cut anywhere before the end fails', async () => {
    const whole = Buffer.concat([Buffer.from('LIFEBOAT-STREAM/1 gzip\n'), body, trailer]);
    for (const cut of [0, 10, 30, 5000, whole.length - trailer.length, whole.length - 1]) {
      await expect(decode([whole.subarray(0, cut)])).rejects.toThrow(/end marker|no output|header/);
    }
  });

  it('the header carries the KiB in use at the source; without it the size is unknown (0)', async () => {
    const withUsed = await decode([Buffer.from('LIFEBOAT-STREAM/1 zstd 1048576\n'), body, trailer]);
    expect(withUsed.compression).toBe('zstd');
    expect(withUsed.sourceUsedBytes).toBe(1024 ** 3);
    expect(withUsed.body.equals(body)).toBe(true);
    const without = await decode([Buffer.from('LIFEBOAT-STREAM/1 gzip\n'), body, trailer]);
    expect(without.sourceUsedBytes).toBe(0);
    for (const bad of ['zstd -1', 'zstd 12x', 'zstd 1 2', 'zstd ', 'lz4 10']) {
      await expect(decode([Buffer.from(`LIFEBOAT-STREAM/1 ${bad}\n`), body, trailer])).rejects.toThrow(
        /did not start with lifeboat's stream header/,
      );
    }
  });

  it('a banner before the header fails with what was seen', async () => {
    await expect(decode([Buffer.from('Welcome to Ubuntu\nLIFEBOAT-STREAM/1 gzip\n')])).rejects.toThrow(
      /did not start with lifeboat's stream header \(got "Welcome to Ubuntu"\)/,
    );
  });
});
