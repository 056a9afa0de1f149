import { Agent as HttpAgent, type AgentOptions, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connectionKey, readSendQueues, type SendQueues } from './send-queue.js';

/**
 * The S3 client's idle timer (socketTimeout: no byte moved for idleMs) is Node's socket timer,
 * which sees a request's bytes leave Node, not leave the machine: once the last byte of a body is
 * in the kernel's send queue (up to 4 MiB with Linux's and macOS's defaults), the request waits for
 * its answer while that queue drains onto the link, and on a slow link the timer cut parts whose
 * bytes were still moving (a 4 MiB queue takes 32 s at 1 Mbit/s). This watch shows the timer that
 * progress, for every socket whose client armed its timer (socket.timeout > 0: a request is in
 * flight); an idle keep-alive socket is left alone.
 *
 * - On Linux it reads the sockets' send queues (send-queue.ts) every tick and restarts a socket's
 *   timer whenever its queue shrank: the peer acknowledged bytes. A link that stops moving leaves
 *   the queue as it is (and a download's stays empty), so the timer then runs out as before,
 *   within idleMs plus a tick.
 * - Where the queues cannot be read (macOS, no /proc) it grants a bounded allowance instead: once
 *   Node has handed the kernel every byte it was given (writableLength 0), the timer is kept from
 *   running out, until the first byte read after that, for the time the bytes handed over since the
 *   previous hand-over (at most SEND_BUFFER_BOUND) need at FLOOR_BYTES_PER_SECOND, and never for
 *   more than one more idleMs. A store that stalls then ends an attempt within 2 × idleMs, not
 *   idleMs; a link slower than the floor can still have a part cut there.
 */
export const SEND_BUFFER_BOUND = 4 * 1024 * 1024;
/** 1 Mbit/s. */
export const FLOOR_BYTES_PER_SECOND = 128 * 1024;

/** What the watch uses of a socket (a net.Socket, or a tls.TLSSocket over one). */
export type WatchedSocket = Pick<
  Socket,
  | 'bytesRead'
  | 'bytesWritten'
  | 'writableLength'
  | 'localAddress'
  | 'localPort'
  | 'remoteAddress'
  | 'remotePort'
  | 'timeout'
  | 'setTimeout'
  | 'once'
>;

interface SocketState {
  /** The send queue at the last look (Linux). */
  queued?: number;
  /** bytesWritten at the last hand-over (fallback). */
  handedOverWritten: number;
  /** The last hand-over: when, how many bytes since the one before, bytesRead then (fallback). */
  handOver?: { at: number; bytes: number; read: number };
}

export class SendQueueWatch {
  private readonly sockets = new Map<WatchedSocket, SocketState>();
  private timer: NodeJS.Timeout | undefined;
  /** A quarter of the idle timeout, at most a second: a timer is restarted well before it runs out. */
  readonly tickMs: number;

  constructor(
    private readonly idleMs: number,
    private readonly readQueues: () => SendQueues | undefined = readSendQueues,
    private readonly now: () => number = Date.now,
    private readonly schedule = true,
  ) {
    this.tickMs = Math.max(10, Math.min(1000, Math.floor(idleMs / 4)));
  }

  watch(socket: WatchedSocket): void {
    this.sockets.set(socket, { handedOverWritten: socket.bytesWritten });
    socket.once('close', () => {
      this.sockets.delete(socket);
      if (this.sockets.size === 0) this.stop();
    });
    if (this.schedule && !this.timer) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      // the watch never keeps a process alive: the requests it looks at do
      this.timer.unref();
    }
  }

  /** One look at every socket; restarts the timer of each whose bytes were seen to move. */
  tick(): void {
    // read at most once a tick, and only when a request is in flight
    let queues: SendQueues | undefined | null = null;
    const now = this.now();
    for (const [socket, state] of this.sockets) {
      const timeout = socket.timeout;
      if (timeout === undefined || timeout <= 0) {
        delete state.queued;
        continue;
      }
      if (queues === null) queues = this.readQueues();
      const moving = queues
        ? this.queueShrank(socket, state, queues)
        : this.withinAllowance(socket, state, now);
      // setTimeout with the same duration and no callback restarts the timer, listeners untouched
      if (moving) socket.setTimeout(timeout);
    }
  }

  private queueShrank(socket: WatchedSocket, state: SocketState, queues: SendQueues): boolean {
    const { localAddress, localPort, remoteAddress, remotePort } = socket;
    if (!localAddress || !localPort || !remoteAddress || !remotePort) return false;
    const queued = queues.get(
      connectionKey({ address: localAddress, port: localPort }, { address: remoteAddress, port: remotePort }),
    );
    const shrank = queued !== undefined && state.queued !== undefined && queued < state.queued;
    if (queued === undefined) delete state.queued;
    else state.queued = queued;
    return shrank;
  }

  private withinAllowance(socket: WatchedSocket, state: SocketState, now: number): boolean {
    // bytes Node still holds: Node's own timer sees them move (it restarts while its write queue shrinks)
    if (socket.writableLength > 0) return false;
    const written = socket.bytesWritten;
    if (written !== state.handedOverWritten) {
      state.handOver = { at: now, bytes: written - state.handedOverWritten, read: socket.bytesRead };
      state.handedOverWritten = written;
    }
    const handOver = state.handOver;
    // an answer is arriving: Node's timer sees it
    if (!handOver || socket.bytesRead !== handOver.read) return false;
    const allowanceMs = Math.min(
      this.idleMs,
      (Math.min(handOver.bytes, SEND_BUFFER_BOUND) / FLOOR_BYTES_PER_SECOND) * 1000,
    );
    return now - handOver.at < allowanceMs;
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * The agents an S3 client sends through (keep-alive, 50 sockets, as the SDK's own): every socket
 * they open is watched by one SendQueueWatch.
 */
export function progressAgents(idleMs: number): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  const watch = new SendQueueWatch(idleMs);
  const options: AgentOptions = { keepAlive: true, maxSockets: 50 };
  return {
    httpAgent: watchConnections(new HttpAgent(options), watch),
    httpsAgent: watchConnections(new HttpsAgent(options), watch),
  };
}

/** The agent, with every socket it creates watched (net.createConnection and tls.connect return theirs at once). */
function watchConnections<A extends HttpAgent>(agent: A, watch: SendQueueWatch): A {
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (o: ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void) => {
    const socket = create(o, callback);
    if (socket && 'bytesWritten' in socket) watch.watch(socket as unknown as WatchedSocket);
    return socket;
  };
  return agent;
}
