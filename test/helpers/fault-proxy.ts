import { createServer, connect, type Server, type Socket } from 'node:net';
import { Agent as HttpAgent, createServer as createHttpServer, request as httpRequest } from 'node:http';

/**
 * What the proxy does to traffic:
 * - `pass`: forwards every byte both ways.
 * - `cut-after-bytes`: every connection is reset once it has sent `bytes` bytes upstream (so
 *   small requests pass and big bodies never arrive). `limit` caps how many cuts happen before
 *   the proxy passes everything again (default: no cap).
 * - `cut-request`: only the Nth HTTP request counted since the mode was set (1-based, across all
 *   connections) is cut, after `afterBytes` of it went upstream (default 0: before any byte).
 */
export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'cut-after-bytes'; bytes: number; limit?: number }
  | { kind: 'cut-request'; request: number; afterBytes?: number };

export interface FaultProxyStats {
  connections: number;
  /** HTTP requests seen upstream (counted by their head; a chunked body ends counting on its connection). */
  requests: number;
  cuts: number;
  bytesUpstream: number;
  /** Request lines ("PUT /bucket/key?partNumber=1...") in arrival order. */
  requestLines: string[];
}

export interface FaultProxy {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  readonly stats: FaultProxyStats;
  setMode(mode: FaultMode): void;
  pass(): void;
  cutAfterBytes(bytes: number, limit?: number): void;
  cutRequest(request: number, afterBytes?: number): void;
  close(): Promise<void>;
}

/** Tracks where HTTP/1.1 requests start in one connection's upstream bytes. */
class RequestFramer {
  private head = '';
  private inHead = true;
  private remaining = 0;
  private opaque = false;

  /**
   * Feeds bytes; calls onRequest(line) when a request begins and returns, for each byte offset at
   * which a request begins, the offset (so the caller can cut inside the right request).
   */
  feed(chunk: Buffer, onStart: (offset: number) => void, onLine: (line: string) => void): void {
    let i = 0;
    while (i < chunk.length && !this.opaque) {
      if (this.inHead) {
        if (this.head === '') onStart(i);
        const end = chunk.indexOf('\r\n\r\n', i, 'latin1');
        const take = end >= 0 ? end + 4 - i : chunk.length - i;
        this.head += chunk.toString('latin1', i, i + take);
        i += take;
        // a head split across chunks at "\r\n\r\n" is re-checked on the joined text
        const done = this.head.indexOf('\r\n\r\n');
        if (done >= 0) {
          const head = this.head.slice(0, done);
          onLine(head.slice(0, head.indexOf('\r\n') >= 0 ? head.indexOf('\r\n') : head.length));
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) this.opaque = true;
          this.remaining = length ? Number(length[1]) : 0;
          const extra = this.head.length - (done + 4);
          this.head = '';
          this.inHead = this.remaining === 0;
          i -= extra;
        } else if (this.head.length > 1 << 16) {
          this.opaque = true;
        }
      } else {
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.inHead = true;
      }
    }
  }
}

/**
 * A TCP proxy on 127.0.0.1 (port 0) in front of `upstreamPort`, which can drop connections on
 * command: how a test makes a network fail mid-stream against a real server.
 */
export async function startFaultProxy(
  upstreamPort: number,
  upstreamHost = '127.0.0.1',
  initial: FaultMode = { kind: 'pass' },
): Promise<FaultProxy> {
  let mode: FaultMode = initial;
  let requestsInMode = 0;
  let cutsInMode = 0;
  const stats: FaultProxyStats = { connections: 0, requests: 0, cuts: 0, bytesUpstream: 0, requestLines: [] };
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    stats.connections++;
    const upstream = connect(upstreamPort, upstreamHost);
    sockets.add(client).add(upstream);
    const framer = new RequestFramer();
    let sentOnConnection = 0;
    let currentRequest = 0;
    let sentInRequest = 0;
    let dead = false;

    const cut = () => {
      if (dead) return;
      dead = true;
      stats.cuts++;
      cutsInMode++;
      client.resetAndDestroy();
      upstream.destroy();
    };
    const close = () => {
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', () => {
      close();
      upstream.destroy();
    });
    upstream.on('close', () => {
      close();
      if (!dead) client.end();
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    upstream.pipe(client);

    /** How many bytes of `chunk` may pass before the connection must be cut (Infinity: all). */
    const allowance = (chunk: Buffer, starts: number[]): number => {
      if (mode.kind === 'cut-after-bytes') {
        if (mode.limit !== undefined && cutsInMode >= mode.limit) return Infinity;
        const left = mode.bytes - sentOnConnection;
        return left < chunk.length ? Math.max(0, left) : Infinity;
      }
      if (mode.kind === 'cut-request') {
        // walk the chunk request by request
        let req = currentRequest;
        let inReq = sentInRequest;
        let pos = 0;
        const boundaries = [...starts, chunk.length];
        for (const b of boundaries) {
          const segment = b - pos;
          if (req === mode.request) {
            const left = (mode.afterBytes ?? 0) - inReq;
            if (left < segment) return pos + Math.max(0, left);
          }
          inReq += segment;
          pos = b;
          if (b < chunk.length) {
            req = requestsInMode + 1 + starts.indexOf(b);
            inReq = 0;
          }
        }
      }
      return Infinity;
    };

    client.on('data', (chunk: Buffer) => {
      if (dead) return;
      const starts: number[] = [];
      const before = requestsInMode;
      framer.feed(
        chunk,
        (offset) => starts.push(offset),
        (line) => stats.requestLines.push(line),
      );
      const allowed = allowance(chunk, starts);
      // account the requests that began in this chunk
      requestsInMode = before + starts.length;
      stats.requests += starts.length;
      if (starts.length) {
        currentRequest = requestsInMode;
        sentInRequest = chunk.length - starts[starts.length - 1]!;
      } else {
        sentInRequest += chunk.length;
      }
      const pass = Math.min(allowed, chunk.length);
      if (pass > 0) {
        stats.bytesUpstream += pass;
        sentOnConnection += pass;
        if (!upstream.write(pass === chunk.length ? chunk : chunk.subarray(0, pass))) {
          client.pause();
          upstream.once('drain', () => client.resume());
        }
      }
      if (allowed !== Infinity) cut();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const setMode = (m: FaultMode) => {
    mode = m;
    requestsInMode = 0;
    cutsInMode = 0;
  };
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    setMode,
    pass: () => setMode({ kind: 'pass' }),
    cutAfterBytes: (bytes, limit) => setMode({ kind: 'cut-after-bytes', bytes, ...(limit ? { limit } : {}) }),
    cutRequest: (request, afterBytes) => setMode({ kind: 'cut-request', request, afterBytes }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One HTTP request as the HTTP fault proxy sees it (`url` is the path and query). */
export interface ProxiedRequest {
  method: string;
  url: string;
  /** 1-based, across all requests since the proxy started. */
  n: number;
}

/**
 * What the HTTP fault proxy does to the requests that `match`:
 * - `respond`: answers with this status and S3 error code instead of forwarding (the request body
 *   is read and dropped, so the connection stays usable), e.g. 503 SlowDown or 500 InternalError;
 * - `delayMs`: holds the request this long before forwarding it (a latency spike);
 * - `before`: awaited before the request is forwarded (delete the bucket, kill a process, a barrier).
 * - `hang`: reads the request and never answers (a store that accepts connections and stalls);
 * - `stallAfterBytes`: forwards the request, then passes the response head and this many bytes of
 *   its body and sends nothing more, holding the connection open (a download that stops moving).
 * A held or stalled request ends when its client gives up.
 * `times` caps how many requests the rule applies to (default: every matching one).
 */
export interface HttpFaultRule {
  match: (req: ProxiedRequest) => boolean;
  respond?: { status: number; code: string; message?: string };
  delayMs?: number;
  before?: (req: ProxiedRequest) => Promise<void> | void;
  hang?: boolean;
  stallAfterBytes?: number;
  /** The response body's byte at this offset is sent changed (one bit flipped on the way). */
  alterByteAt?: number;
  times?: number;
}

export interface HttpFaultProxy {
  readonly port: number;
  readonly endpoint: string;
  /** "METHOD /path?query" of every request, in arrival order. */
  readonly requests: string[];
  /** How many requests each rule (by index) was applied to. */
  readonly applied: number[];
  setRules(rules: HttpFaultRule[]): void;
  close(): Promise<void>;
}

/** S3 UploadPart: PUT with partNumber and uploadId in the query. */
export const isUploadPart = (r: ProxiedRequest) => r.method === 'PUT' && /[?&]partNumber=\d+/.test(r.url);

/**
 * An HTTP/1.1 proxy on 127.0.0.1 in front of an S3 endpoint that can answer chosen requests with
 * an error, delay them, change a byte of their answer, or run a hook first. Headers (Host included) pass unchanged, so SigV4
 * signatures made for the proxy's address stay valid upstream.
 */
export async function startHttpFaultProxy(
  upstreamPort: number,
  upstreamHost = '127.0.0.1',
): Promise<HttpFaultProxy> {
  let rules: HttpFaultRule[] = [];
  let applied: number[] = [];
  const requests: string[] = [];
  const agent = new HttpAgent({ keepAlive: true });
  const server = createHttpServer((req, res) => {
    const info: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', n: requests.length + 1 };
    requests.push(`${info.method} ${info.url}`);
    let index = -1;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      if ((r.times === undefined || applied[i]! < r.times) && r.match(info)) {
        index = i;
        break;
      }
    }
    const rule = index >= 0 ? rules[index] : undefined;
    if (rule) applied[index]!++;
    let gone = false;
    let wake = () => undefined as void;
    res.on('close', () => {
      gone = true;
      wake();
    });
    void (async () => {
      if (rule?.before) await rule.before(info);
      if (rule?.delayMs && !gone) {
        // held, unless the client gives up first (a held request never outlives its client)
        await new Promise<void>((r) => {
          const timer = setTimeout(r, rule.delayMs);
          wake = () => {
            clearTimeout(timer);
            r();
          };
        });
      }
      if (gone) return;
      if (rule?.hang) {
        req.resume();
        return;
      }
      if (rule?.respond) {
        const { status, code, message } = rule.respond;
        req.resume();
        await new Promise<void>((r) => (req.readableEnded ? r() : req.once('end', () => r())));
        const body =
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code>` +
          `<Message>${message ?? 'injected by the fault proxy'}</Message><RequestId>fault</RequestId></Error>`;
        res.writeHead(status, {
          'content-type': 'application/xml',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
        return;
      }
      const headers = { ...req.headers };
      delete headers.expect; // the proxy answered 100-continue itself
      const up = httpRequest(
        { host: upstreamHost, port: upstreamPort, method: info.method, path: info.url, headers, agent },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          const stallAt = rule?.stallAfterBytes;
          const alterAt = rule?.alterByteAt;
          if (alterAt !== undefined) {
            let offset = 0;
            upRes.on('data', (chunk: Buffer) => {
              if (alterAt >= offset && alterAt < offset + chunk.length) {
                chunk = Buffer.from(chunk);
                chunk.writeUInt8(chunk.readUInt8(alterAt - offset) ^ 0x01, alterAt - offset);
              }
              offset += chunk.length;
              if (!res.write(chunk)) {
                upRes.pause();
                res.once('drain', () => upRes.resume());
              }
            });
            upRes.on('end', () => res.end());
            return;
          }
          if (stallAt === undefined) {
            upRes.pipe(res);
            return;
          }
          let passed = 0;
          upRes.on('data', (chunk: Buffer) => {
            const take = Math.max(0, Math.min(chunk.length, stallAt - passed));
            if (take > 0) res.write(chunk.subarray(0, take));
            passed += take;
            if (passed >= stallAt) upRes.pause();
          });
        },
      );
      up.on('error', () => res.destroy());
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      req.pipe(up);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    get applied() {
      return applied;
    },
    setRules(next) {
      rules = next;
      applied = next.map(() => 0);
    },
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Listens on 127.0.0.1 at a free port and returns it. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
