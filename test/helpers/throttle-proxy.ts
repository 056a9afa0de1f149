import { createServer, connect, type Server, type Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import { listenOnLoopback } from './fault-proxy.js';

/**
 * A slow network between lifeboat and a real store: a TCP proxy on 127.0.0.1 (port 0) that passes
 * every byte, both ways, but at most `bytesPerSecond` in each direction (shared by all connections,
 * as one link is) and each byte `delayMs` after it arrived (half a round trip). `stall()` stops
 * passing bytes in both directions (connections stay open and new ones are accepted: a link that
 * went dead mid-transfer); `flow()` lets them move again.
 */
export interface ThrottleProxy {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** Bytes passed so far: `up` towards the store, `down` back from it. */
  readonly moved: { up: number; down: number };
  setRate(bytesPerSecond: number): void;
  stall(): void;
  flow(): void;
  close(): Promise<void>;
}

export interface ThrottleOptions {
  /** Each direction's bandwidth (default: unlimited). */
  bytesPerSecond?: number;
  /** One-way delay of every byte (default 0). */
  delayMs?: number;
}

/** The pieces a lane passes at once: small, so that connections sharing a lane take turns. */
const SLICE = 16 * 1024;
const TICK_MS = 10;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One direction of the link: a token bucket refilled at the rate, shared by every connection. */
class Lane {
  tokens = 0;
  last = Date.now();
  moved = 0;
  constructor(
    public rate: number,
    public stalled: boolean,
  ) {}

  /** Resolves once `n` bytes may pass; false when the connection went away meanwhile. */
  async permit(n: number, alive: () => boolean): Promise<boolean> {
    for (;;) {
      if (!alive()) return false;
      const now = Date.now();
      // at most a tick's worth of burst: a stall or an idle moment does not bank bandwidth
      this.tokens = Math.min(this.tokens + ((now - this.last) * this.rate) / 1000, this.rate / 10 + SLICE);
      this.last = now;
      if (!this.stalled && (this.rate === Infinity || this.tokens >= n)) {
        this.tokens -= n;
        this.moved += n;
        return true;
      }
      await sleep(TICK_MS);
    }
  }
}

/** Passes a socket's bytes through `lane`, each `delayMs` after it arrived. */
function throttled(lane: Lane, delayMs: number, alive: () => boolean): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const arrived = Date.now();
      void (async () => {
        for (let at = 0; at < chunk.length; at += SLICE) {
          const piece = chunk.subarray(at, Math.min(chunk.length, at + SLICE));
          const wait = arrived + delayMs - Date.now();
          if (wait > 0) await sleep(wait);
          if (!(await lane.permit(piece.length, alive))) return done();
          this.push(piece);
        }
        done();
      })();
    },
  });
}

export async function startThrottleProxy(
  upstreamPort: number,
  o: ThrottleOptions = {},
  upstreamHost = '127.0.0.1',
): Promise<ThrottleProxy> {
  const up = new Lane(o.bytesPerSecond ?? Infinity, false);
  const down = new Lane(o.bytesPerSecond ?? Infinity, false);
  const delay = o.delayMs ?? 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(upstreamPort, upstreamHost);
    sockets.add(client).add(upstream);
    let open = true;
    const alive = () => open;
    const end = () => {
      open = false;
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
    client.pipe(throttled(up, delay, alive)).pipe(upstream);
    upstream.pipe(throttled(down, delay, alive)).pipe(client);
  });
  const port = await listenOnLoopback(server);
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    get moved() {
      return { up: up.moved, down: down.moved };
    },
    setRate: (rate) => {
      up.rate = rate;
      down.rate = rate;
    },
    stall: () => {
      up.stalled = true;
      down.stalled = true;
    },
    flow: () => {
      up.stalled = false;
      down.stalled = false;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
