import { Transform, type TransformCallback } from 'node:stream';
import type { Compression } from '../layout.js';
import { STREAM_HEADER_PREFIX, TRAILER_MAGIC } from './remote-script.js';

/** The statuses the remote script reported after the archive (see remote-script.ts). */
export interface StreamTrailer {
  pre: number;
  tar: number;
  zip: number;
  err: string;
}

const MAX_HEADER = 128;
/** Bytes held back at any time: always more than the longest trailer. */
const HOLD_BACK = 256;
const TRAILER_START = Buffer.from(`\n${TRAILER_MAGIC}`, 'latin1');

function printable(buf: Buffer): string {
  return JSON.stringify(buf.toString('latin1').slice(0, 80));
}

/**
 * Splits the framed stream of the remote script into header, archive bytes and trailer. Archive
 * bytes flow through; the trailer is held back and parsed at the end. A stream that does not
 * start with the header (a shell banner, a PTY, the wrong command) or that ends without a valid
 * trailer (cut short) fails the pipeline before its end reaches the upload.
 */
export class FrameDecoder extends Transform {
  compression: Compression | undefined;
  trailer: StreamTrailer | undefined;
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);
  private readonly onHeader: (compression: Compression) => void;

  constructor(onHeader: (compression: Compression) => void = () => undefined) {
    super({ highWaterMark: 1 << 20 });
    this.onHeader = onHeader;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    if (this.compression === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      const nl = this.head.indexOf(0x0a);
      if (nl < 0) {
        if (this.head.length > MAX_HEADER) return callback(this.badHeader());
        return callback();
      }
      const line = this.head.subarray(0, nl).toString('latin1');
      const rest = this.head.subarray(nl + 1);
      this.head = Buffer.alloc(0);
      if (!line.startsWith(STREAM_HEADER_PREFIX))
        return callback(this.badHeader(Buffer.from(line, 'latin1')));
      const c = line.slice(STREAM_HEADER_PREFIX.length);
      if (c !== 'zstd' && c !== 'gzip' && c !== 'none')
        return callback(this.badHeader(Buffer.from(line, 'latin1')));
      this.compression = c;
      try {
        this.onHeader(c);
      } catch (err) {
        return callback(err as Error);
      }
      chunk = rest;
    }
    this.passBody(chunk);
    callback();
  }

  private passBody(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (chunk.length >= HOLD_BACK) {
      if (this.tail.length > 0) this.push(this.tail);
      this.push(chunk.subarray(0, chunk.length - HOLD_BACK));
      this.tail = Buffer.from(chunk.subarray(chunk.length - HOLD_BACK));
      return;
    }
    const joined = Buffer.concat([this.tail, chunk]);
    if (joined.length > HOLD_BACK) {
      this.push(joined.subarray(0, joined.length - HOLD_BACK));
      this.tail = Buffer.from(joined.subarray(joined.length - HOLD_BACK));
    } else {
      this.tail = joined;
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.compression === undefined) {
      return callback(
        this.head.length === 0
          ? new Error('the remote command produced no output at all (connection closed before it started)')
          : this.badHeader(),
      );
    }
    const at = this.tail.lastIndexOf(TRAILER_START);
    if (at < 0) {
      return callback(
        new Error(
          "stream ended before lifeboat's end marker: the connection was cut or the command stopped early",
        ),
      );
    }
    const trailer = parseTrailer(this.tail.subarray(at + TRAILER_START.length).toString('latin1'));
    if (!trailer) {
      return callback(
        new Error('stream ended with a damaged end marker: the connection was cut or the output was altered'),
      );
    }
    this.trailer = trailer;
    if (at > 0) this.push(this.tail.subarray(0, at));
    this.tail = Buffer.alloc(0);
    callback();
  }

  private badHeader(seen: Buffer = this.head): Error {
    return new Error(
      `the remote command's output did not start with lifeboat's stream header (got ${printable(seen)}): ` +
        'something else wrote to stdout (a login banner, a PTY, a wrapper script)',
    );
  }
}

/** Parses ` pre=N tar=N zip=N err=WORD\n`, the fixed text after the trailer magic. */
function parseTrailer(text: string): StreamTrailer | undefined {
  if (!text.startsWith(' ') || !text.endsWith('\n')) return undefined;
  const fields = new Map<string, string>();
  for (const token of text.slice(1, -1).split(' ')) {
    const eq = token.indexOf('=');
    if (eq <= 0) return undefined;
    fields.set(token.slice(0, eq), token.slice(eq + 1));
  }
  const num = (k: string) => {
    const v = fields.get(k);
    return v !== undefined && /^\d{1,3}$/.test(v) ? Number(v) : undefined;
  };
  const pre = num('pre');
  const tar = num('tar');
  const zip = num('zip');
  const err = fields.get('err');
  if (pre === undefined || tar === undefined || zip === undefined || err === undefined || fields.size !== 4) {
    return undefined;
  }
  if (!/^[a-z]*$/.test(err)) return undefined;
  return { pre, tar, zip, err };
}
