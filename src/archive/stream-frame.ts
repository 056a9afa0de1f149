import { Transform, type TransformCallback } from 'node:stream';
import type { Compression } from '../catalog/layout.js';
import { NO_DU, STREAM_HEADER_PREFIX, STREAM_STOP_PREFIX, TRAILER_MAGIC } from './remote-script.js';

/** The statuses the remote script reported after the archive (see remote-script.ts). */
export interface StreamTrailer {
  pre: number;
  tar: number;
  zip: number;
  err: string;
}

const MAX_HEADER = 128;
/** Bytes held back at least, at any time: always more than the longest trailer. */
const HOLD_BACK = 256;
const TRAILER_START = Buffer.from(`\n${TRAILER_MAGIC}`, 'latin1');

/** The remote command wrote nothing at all: it did not start (no shell there) or was cut at once. */
export class NoOutputError extends Error {
  override readonly name = 'NoOutputError';
}

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
  /** What the source reported in use where the archive is made (0: it could not tell). */
  sourceUsedBytes = 0;
  /** The machine has no du: its used space is unknown (the header said "nodu"). */
  sourceHasNoDu = false;
  /**
   * The statuses: from the trailer, or from the stop line that the script writes instead of the
   * header when it stops before tar (then no archive byte exists and `compression` stays unset).
   */
  trailer: StreamTrailer | undefined;
  private stopped = false;
  private head: Buffer = Buffer.alloc(0);
  /** The newest chunks, at least the last HOLD_BACK bytes (or all so far): the trailer is in them. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private readonly onHeader: (compression: Compression) => void;

  constructor(onHeader: (compression: Compression) => void = () => undefined) {
    super({ highWaterMark: 1 << 20 });
    this.onHeader = onHeader;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    if (this.stopped) return callback(); // nothing follows the stop line but the end of the stream
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
      if (line.startsWith(STREAM_STOP_PREFIX)) {
        this.trailer = parseTrailer(`${line.slice(STREAM_STOP_PREFIX.length - 1)}\n`);
        if (!this.trailer) return callback(this.badHeader(Buffer.from(line, 'latin1')));
        this.stopped = true;
        return callback();
      }
      if (!line.startsWith(STREAM_HEADER_PREFIX))
        return callback(this.badHeader(Buffer.from(line, 'latin1')));
      const header = parseHeader(line.slice(STREAM_HEADER_PREFIX.length));
      if (!header) return callback(this.badHeader(Buffer.from(line, 'latin1')));
      this.compression = header.compression;
      this.sourceUsedBytes = header.sourceUsedBytes;
      this.sourceHasNoDu = header.noDu;
      try {
        this.onHeader(header.compression);
      } catch (err) {
        return callback(err as Error);
      }
      chunk = rest;
    }
    this.passBody(chunk);
    callback();
  }

  /**
   * Passes whole chunks through, one chunk late: the chunks held back always cover the last
   * HOLD_BACK bytes, where the trailer may be. No copies and no small fragments, so every later
   * stage (hash, inspector, upload) sees the chunks as they came off the pipe.
   */
  private passBody(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    while (this.held.length > 1 && this.heldBytes - this.held[0]!.length >= HOLD_BACK) {
      const first = this.held.shift()!;
      this.heldBytes -= first.length;
      this.push(first);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.stopped) return callback();
    if (this.compression === undefined) {
      return callback(
        this.head.length === 0
          ? new NoOutputError(
              'the remote command produced no output at all (connection closed before it started)',
            )
          : this.badHeader(),
      );
    }
    const tail = Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    const at = tail.lastIndexOf(TRAILER_START);
    if (at < 0) {
      return callback(
        new Error(
          "stream ended before lifeboat's end marker: the connection was cut or the command stopped early",
        ),
      );
    }
    const trailer = parseTrailer(tail.subarray(at + TRAILER_START.length).toString('latin1'));
    if (!trailer) {
      return callback(
        new Error('stream ended with a damaged end marker: the connection was cut or the output was altered'),
      );
    }
    this.trailer = trailer;
    if (at > 0) this.push(tail.subarray(0, at));
    callback();
  }

  private badHeader(seen: Buffer = this.head): Error {
    return new Error(
      `the remote command's output did not start with lifeboat's stream header (got ${printable(seen)}): ` +
        'something else wrote to stdout (a login banner, a PTY, a wrapper script)',
    );
  }
}

/** Parses `<compression>[ <used KiB>|nodu]`, the text after the header prefix. */
function parseHeader(
  text: string,
): { compression: Compression; sourceUsedBytes: number; noDu: boolean } | undefined {
  const [c, usedKib, ...extra] = text.split(' ');
  if ((c !== 'zstd' && c !== 'gzip' && c !== 'none') || extra.length > 0) return undefined;
  if (usedKib === undefined) return { compression: c, sourceUsedBytes: 0, noDu: false };
  if (usedKib === NO_DU) return { compression: c, sourceUsedBytes: 0, noDu: true };
  if (!/^\d{1,15}$/.test(usedKib)) return undefined;
  return { compression: c, sourceUsedBytes: Number(usedKib) * 1024, noDu: false };
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
