import { Worker } from 'node:worker_threads';
import { quotedName, refusedMember, UnsafeEntryError, type TarHeader } from '../archive/member-header.js';
import { EnvironmentError } from '../util/errors.js';
import {
  extractWorkerMain,
  type FromWorker,
  type ToWorker,
  type WorkerFailure,
  type WorkerOp,
} from './extract-worker.js';

/** A batch is sent when its data reaches this, when it holds this many members, or at the end of an event-loop turn. */
const BATCH_BYTES = 1 << 18;
const BATCH_OPS = 1024;
/** What may be sent and not yet written: the walk waits beyond it (each member counts as OP_COST bytes too). */
const IN_FLIGHT_BYTES = 1 << 21;
const OP_COST = 256;

/** The worker's source: extractWorkerMain's text, called with what it needs (it imports nothing). */
const WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
(${extractWorkerMain.toString()})({
  fs: require('node:fs'),
  spawn: require('node:child_process').spawn,
  randomBytes: require('node:crypto').randomBytes,
  port: parentPort,
  ...workerData,
});`;

type FileOp = Extract<WorkerOp, { t: 'file' }>;
type Attributes = Pick<FileOp, 'mode' | 'uid' | 'gid' | 'mtime'>;

/**
 * The main thread's end of the extractor's worker (extract-worker.ts): members' operations and
 * their data, in archive order, batched into one transferred buffer per batch, with the walk held
 * back while more than IN_FLIGHT_BYTES wait to be written (memory stays bounded).
 *
 * Invariant: the worker runs the operations in the order they were added, and stops at its first
 * failure; `failure` is that failure, the first in archive order among the members sent. A
 * caller that refuses a member itself first waits for `settled()`, so a failure of an earlier
 * member, found by the worker, is the one reported.
 */
export class ExtractWriter {
  private readonly worker: Worker;
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private ops: WorkerOp[] = [];
  private data: Buffer = Buffer.allocUnsafeSlow(BATCH_BYTES);
  /** Buffers the worker gave back, to be filled again: the batches' memory is these, not garbage. */
  private readonly spare: Buffer[] = [];
  private used = 0;
  /** The member whose data is being added, and the op that holds its latest bytes. */
  private current: { seq: number; op: { end: number; more: boolean } } | undefined;
  private seq = 0;
  private batch = 0;
  private flushScheduled = false;
  /** Batches sent and not yet answered, with the cost each counted and the members each held. */
  private readonly inFlight = new Map<number, { cost: number; seqs: number[] }>();
  private batchSeqs: number[] = [];
  private inFlightCost = 0;
  /** The headers of the members sent and not yet written: a failure names its member. */
  private readonly headers = new Map<number, TarHeader>();
  private waiters: (() => void)[] = [];
  private finishing: { resolve: (failure?: WorkerFailure) => void } | undefined;
  private closed: Promise<void> | undefined;
  private closedResolve: (() => void) | undefined;
  private exited = false;
  /** close() was called: nothing more is sent. */
  private stopped = false;
  /** The first failure, as the error a walk throws; once set, nothing more is sent. */
  failure: Error | undefined;

  constructor(root: string, ids: { uid: number; gid: number; asRoot: boolean }) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { root, stop: this.stopFlag, ids },
      // the worker only runs system calls: a small heap keeps the restore's peak low
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    });
    this.worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', () => {
      this.exited = true;
      if (!this.stopped) this.fail(new Error('the extractor thread ended before the restore did'));
      this.wake();
      this.closedResolve?.();
    });
    this.worker.unref();
  }

  /** Queues a member's operation (not a file: beginFile); its header names it in a failure. */
  add(header: TarHeader, op: DistributiveOmit<Exclude<WorkerOp, FileOp | { t: 'data' }>, 'seq'>): void {
    const seq = this.member(header);
    this.ops.push({ ...op, seq } as WorkerOp);
    this.queued();
  }

  /** Queues a file; its data follows with append(). */
  beginFile(header: TarHeader, key: string, a: Attributes): void {
    const seq = this.member(header);
    const op: FileOp = { t: 'file', seq, key, ...a, start: this.used, end: this.used, more: false };
    this.ops.push(op);
    this.current = { seq, op };
    this.queued();
  }

  /** Adds the current file's next bytes; false when the walk should wait for room(). */
  append(chunk: Uint8Array): boolean {
    // after a failure nothing more is written: the data is dropped, and the walk stops at room()
    if (this.failure || this.stopped) return false;
    let at = 0;
    while (at < chunk.length) {
      if (this.used === this.data.length) this.continueInNextBatch();
      const n = Math.min(chunk.length - at, this.data.length - this.used);
      this.data.set(chunk.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      this.current!.op.end = this.used;
    }
    if (this.used >= BATCH_BYTES) this.flush();
    return this.inFlightCost < IN_FLIGHT_BYTES;
  }

  /** Settles when the walk may add more (at once, unless IN_FLIGHT_BYTES wait to be written). */
  room(): Promise<void> {
    if (this.inFlightCost < IN_FLIGHT_BYTES || this.failure || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Throws the first failure, if the worker met one. */
  check(): void {
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('the restore stopped: nothing more is written');
  }

  /** Settles once every member sent was written; throws the first failure. */
  async settled(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0 && !this.failure && !this.exited) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Everything written, then the folders' attributes set (children first); throws the first failure. */
  async finish(): Promise<void> {
    await this.settled();
    this.worker.ref();
    const failure = await new Promise<WorkerFailure | undefined>((resolve) => {
      this.finishing = { resolve };
      this.post({ finish: 0 });
    });
    this.worker.unref();
    if (failure) throw this.errorOf(failure);
  }

  /**
   * Stops writing (what is being written is finished, the rest skipped), closes every folder the
   * worker holds and ends it. Settles once nothing more can be written; never throws.
   */
  close(): Promise<void> {
    if (!this.closed) {
      Atomics.store(this.stopFlag, 0, 1);
      this.stopped = true;
      this.wake();
      if (this.exited) return (this.closed = Promise.resolve());
      this.closed = new Promise<void>((resolve) => {
        this.closedResolve = resolve;
        this.worker.ref();
        this.worker.postMessage({ close: true } satisfies ToWorker);
      });
    }
    return this.closed;
  }

  private member(header: TarHeader): number {
    const seq = this.seq++;
    this.headers.set(seq, header);
    this.batchSeqs.push(seq);
    return seq;
  }

  private queued(): void {
    if (this.ops.length >= BATCH_OPS || this.used >= BATCH_BYTES) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** The current file's data goes on in a new batch: the op in this one says more follows. */
  private continueInNextBatch(): void {
    const current = this.current!;
    current.op.more = true;
    this.flush();
    const op = { t: 'data' as const, seq: current.seq, start: 0, end: 0, more: false };
    this.ops.push(op);
    this.batchSeqs.push(current.seq);
    current.op = op;
  }

  private flush(): void {
    if (this.ops.length === 0 || this.failure || this.stopped) return;
    const id = this.batch++;
    const cost = this.used + this.ops.length * OP_COST;
    this.inFlight.set(id, { cost, seqs: this.batchSeqs });
    this.inFlightCost += cost;
    const data = new Uint8Array(this.data.buffer, this.data.byteOffset, this.used);
    this.post({ batch: id, ops: this.ops, data }, [this.data.buffer as ArrayBuffer]);
    this.ops = [];
    this.batchSeqs = [];
    this.data = this.spare.pop() ?? Buffer.allocUnsafeSlow(BATCH_BYTES);
    this.used = 0;
  }

  private post(msg: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.ref();
    this.worker.postMessage(msg, transfer);
  }

  private onMessage(msg: FromWorker): void {
    if ('closed' in msg) {
      this.closedResolve?.();
      return;
    }
    if ('finished' in msg) {
      this.finishing?.resolve(msg.failure);
      return;
    }
    this.spare.push(Buffer.from(msg.data.buffer as ArrayBuffer, 0, msg.data.buffer.byteLength));
    const sent = this.inFlight.get(msg.done);
    if (sent) {
      this.inFlight.delete(msg.done);
      this.inFlightCost -= sent.cost;
      if (!msg.failure) for (const seq of sent.seqs) this.headers.delete(seq);
    }
    if (msg.failure) this.fail(this.errorOf(msg.failure));
    if (this.inFlight.size === 0) this.worker.unref();
    this.wake();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
    this.finishing?.resolve(undefined);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The error a walk throws for what the worker reported. */
  private errorOf(f: WorkerFailure): Error {
    if ('environment' in f) return new EnvironmentError(f.environment);
    if ('error' in f) {
      const { message, ...fields } = f.error;
      return Object.assign(new Error(message), fields);
    }
    const why =
      f.name === undefined ? f.refused : f.refused.replace('%s', quotedName(Buffer.from(f.name, 'latin1')));
    const header = this.headers.get(f.seq);
    return f.bare || !header ? new UnsafeEntryError(why) : refusedMember(header, why);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
