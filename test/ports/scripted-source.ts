import { PassThrough, Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';
import tarStream from 'tar-stream';
import type { Compression } from '../../src/catalog/layout.js';
import { STREAM_HEADER_PREFIX, TRAILER_MAGIC } from '../../src/archive/remote-script.js';
import type { StreamTrailer } from '../../src/archive/stream-frame.js';
import type { ArchiveSource, SourceIdentity, StartOptions } from '../../src/sources/archive-source.js';
import type { ProcessOutcome, RunningProcess } from '../../src/util/process.js';

/**
 * An ArchiveSource that plays back what a test scripted instead of running flyctl, ssh or tar:
 * for the archive script, the framed stream remote-script.ts writes (header, archive, trailer) of
 * a tar made in memory; for a restore script, whatever a responder makes of the bytes it was sent
 * on stdin. Faults are part of the script: a stream cut short, another exit status, stderr lines,
 * a trailer with other statuses, bytes before the header.
 *
 * Like a process writing into a pipe, a run exits once the rest of its output fits in the pipe's
 * 64 KiB buffer, read or not; a reader that closes the pipe before that kills it with SIGPIPE, as
 * it would kill flyctl or ssh; kill() and the abort signal end it with SIGTERM.
 */

export const hasZstd = typeof zlib.zstdCompressSync === 'function';

export interface TarEntry {
  /** As tar writes it below the archived path: `./db/app.sqlite`, `./logs/`. */
  name: string;
  type?: 'file' | 'directory' | 'symlink';
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
  mtime?: Date;
}

/** A tar made in memory, with the two zero blocks that end a complete archive. */
export async function makeTar(entries: TarEntry[]): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const e of entries) {
    const type = e.type ?? (e.name.endsWith('/') ? 'directory' : 'file');
    const header = {
      name: e.name,
      type,
      mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
      mtime: e.mtime ?? new Date('2026-11-01T00:00:00Z'),
      ...(type === 'symlink' ? { linkname: e.linkname ?? '' } : {}),
    };
    if (type === 'file') pack.entry(header, Buffer.from(e.content ?? ''));
    else pack.entry(header);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

export function compress(tar: Buffer, compression: Compression): Buffer {
  switch (compression) {
    case 'gzip':
      return zlib.gzipSync(tar, { level: 6 });
    case 'zstd':
      if (!hasZstd) throw new Error(`zstd needs Node >= 22.15 (this is ${process.version})`);
      return zlib.zstdCompressSync(tar);
    case 'none':
      return Buffer.from(tar);
  }
}

export interface FramedArchiveOptions {
  entries?: TarEntry[];
  /** The tar itself instead of entries (a damaged or hostile one). */
  tar?: Buffer;
  /** Default gzip (the machine has no zstd). */
  compression?: Compression;
  /** The archive bytes as sent, instead of the compressed tar (garbage, a truncated archive). */
  archive?: Buffer;
  /** KiB the header reports in use; default the tar's size. 'nodu': the machine has no du. */
  usedKib?: number | 'nodu';
  /** Other statuses than all-zero, or an err word (nopath, pre, ...). */
  trailer?: Partial<StreamTrailer>;
  /** Bytes before the header (a login banner, a PTY). */
  banner?: string;
}

export interface FramedArchive {
  tar: Buffer;
  /** The bytes that must land in the bucket: the compressed tar. */
  archive: Buffer;
  compression: Compression;
  /** What the archive script writes to stdout: header, archive, trailer. */
  framed: Buffer;
}

/** The stdout of remote-script.ts's archive script for one tar. */
export async function framedArchive(o: FramedArchiveOptions = {}): Promise<FramedArchive> {
  const compression = o.compression ?? 'gzip';
  const tar = o.tar ?? (await makeTar(o.entries ?? []));
  const archive = o.archive ?? compress(tar, compression);
  const usedKib = o.usedKib ?? Math.ceil(tar.length / 1024);
  const t: StreamTrailer = { pre: 0, tar: 0, zip: 0, err: '', ...o.trailer };
  const framed = Buffer.concat([
    Buffer.from(`${o.banner ?? ''}${STREAM_HEADER_PREFIX}${compression} ${usedKib}\n`, 'latin1'),
    archive,
    Buffer.from(`\n${TRAILER_MAGIC} pre=${t.pre} tar=${t.tar} zip=${t.zip} err=${t.err}\n`, 'latin1'),
  ]);
  return { tar, archive, compression, framed };
}

/** One run of a script on the source, as the test scripted it. */
export interface Play {
  /** What the run writes to stdout; a function gets every byte written to its stdin first. */
  stdout?: Buffer | ((stdin: Buffer) => Buffer | Promise<Buffer>);
  /** Stop writing stdout after this many bytes (the connection was cut). */
  cutAfter?: number;
  /**
   * Write this many bytes of stdout, then hang: nothing more arrives and the run never exits
   * until it is killed (a hung machine, a tar frozen on a dead NFS, a half-open connection).
   */
  stallAfter?: number;
  /** Lines written to stderr before stdout. */
  stderr?: string[];
  /** The exit status (default 0) or the signal that ended the run. */
  exitCode?: number;
  signal?: NodeJS.Signals;
  /** stdout is written in chunks of this size (default 64 KiB). */
  chunkSize?: number;
}

/** What the source saw of one run. */
export interface StartedRun {
  script: string;
  keepStdin: boolean;
  /** Everything written to stdin (complete once the run is done). */
  stdin: Buffer;
  done: Promise<ProcessOutcome>;
}

export interface ScriptedSourceOptions {
  label?: string;
  description?: SourceIdentity;
  /** What preflight reports (tool versions for the manifest). */
  tools?: Record<string, string>;
  /** preflight throws this (flyctl missing or too old). */
  preflightError?: Error;
}

const TAIL_LINES = 20;
const PIPE_BUFFER = 64 * 1024;

export class ScriptedSource implements ArchiveSource {
  readonly label: string;
  readonly description: SourceIdentity;
  readonly runs: StartedRun[] = [];
  preflights = 0;
  private readonly tools: Record<string, string>;
  private readonly preflightError: Error | undefined;
  private readonly queue: Play[] = [];

  constructor(options: ScriptedSourceOptions = {}) {
    this.label = options.label ?? 'scripted source';
    this.description = options.description ?? { kind: 'fly', app: 'test-app', machine: null };
    this.tools = options.tools ?? {};
    this.preflightError = options.preflightError;
  }

  /** Scripts the next runs, in order; a start with nothing scripted fails the test. */
  enqueue(...plays: Play[]): this {
    this.queue.push(...plays);
    return this;
  }

  async preflight(): Promise<Record<string, string>> {
    this.preflights++;
    if (this.preflightError) throw this.preflightError;
    return { ...this.tools };
  }

  start(script: string, options: StartOptions): RunningProcess {
    const play = this.queue.shift();
    if (!play) throw new Error(`ScriptedSource: a script was started with no run scripted:\n${script}`);
    const proc = playRun(play, options);
    const run: StartedRun = {
      script,
      keepStdin: Boolean(options.keepStdin),
      stdin: Buffer.alloc(0),
      done: proc.done,
    };
    proc.stdinBytes.then((b) => (run.stdin = b));
    this.runs.push(run);
    if (!options.keepStdin) proc.stdin.end();
    return proc;
  }
}

function playRun(play: Play, options: StartOptions): RunningProcess & { stdinBytes: Promise<Buffer> } {
  const stderrTail: string[] = [];
  for (const line of play.stderr ?? []) {
    stderrTail.push(line);
    if (stderrTail.length > TAIL_LINES) stderrTail.shift();
    options.onStderrLine?.(line);
  }
  const received: Buffer[] = [];
  const stdin = new Writable({
    write(chunk: Buffer, _enc, callback) {
      received.push(Buffer.from(chunk));
      callback();
    },
  });
  // as spawnStreaming: a consumer that stops writing early must not crash the test with EPIPE
  stdin.on('error', () => undefined);
  const stdinBytes = new Promise<Buffer>((resolve) => {
    stdin.once('finish', () => resolve(Buffer.concat(received)));
    stdin.once('close', () => resolve(Buffer.concat(received)));
  });

  const chunkSize = play.chunkSize ?? 64 * 1024;
  // stdout is a pipe: its buffer holds 64 KiB that the reader has not read yet
  const stdout = new PassThrough({ readableHighWaterMark: PIPE_BUFFER, writableHighWaterMark: chunkSize });
  let settle!: (outcome: ProcessOutcome) => void;
  const done = new Promise<ProcessOutcome>((resolve) => (settle = resolve));
  const exited: ProcessOutcome = {
    code: play.signal ? null : (play.exitCode ?? 0),
    signal: play.signal ?? null,
    stderrTail,
  };
  // the run exits once all its output is in the pipe, read or not
  stdout.once('finish', () => settle(exited));
  // the reader closed the pipe while the run still had output to write: it dies of SIGPIPE
  stdout.once('close', () => settle({ code: null, signal: 'SIGPIPE', stderrTail }));

  const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
    settle({ code: null, signal, stderrTail });
    stdout.destroy();
    stdin.destroy();
  };
  options.signal?.addEventListener('abort', () => kill('SIGTERM'), { once: true });

  const write = async () => {
    const out =
      typeof play.stdout === 'function'
        ? await play.stdout(await stdinBytes)
        : (play.stdout ?? Buffer.alloc(0));
    if (play.stallAfter !== undefined) {
      // the pipe stays open and the run alive: only kill() ends it
      const head = Readable.from(chunked(out.subarray(0, play.stallAfter), chunkSize), { objectMode: false });
      head.pipe(stdout, { end: false });
      return;
    }
    const bytes = play.cutAfter !== undefined ? out.subarray(0, play.cutAfter) : out;
    Readable.from(chunked(bytes, chunkSize), { objectMode: false }).pipe(stdout);
  };
  // a responder that throws is a run that died: its stdout breaks off
  write().catch((err: unknown) => stdout.destroy(err as Error));

  return { stdout, stdin, done, kill, stdinBytes };
}

function* chunked(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield Buffer.from(bytes.subarray(at, at + size));
}
