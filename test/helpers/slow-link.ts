import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ThrottleProxy } from './throttle-proxy.js';

/**
 * A slow link as a real one behaves: like throttle-proxy.ts (a TCP proxy on 127.0.0.1 passing at
 * most `bytesPerSecond` each way, shared by all connections; `stall()`/`flow()`), and with a small
 * TCP window on each socket it reads from (`windowBytes`, SO_RCVBUF set before connecting, which
 * also turns the kernel's receive autotuning off).
 *
 * Why it exists: throttle-proxy.ts reads slowly in userland, but on loopback the kernel accepts and
 * acknowledges what a client writes into the proxy's receive buffer at once (autotuned up to
 * tcp_rmem's 32 MiB), so a client's whole 8 MiB part has "left" its machine in a moment although
 * the proxy passes it on for seconds. Before a real slow link the bytes a sender wrote wait in the
 * sender's own send queue until the link carried them; with a small window they do here too, which
 * is what a claim about judging an upload by its send queue needs. Node cannot set SO_RCVBUF on a
 * TCP socket, so the proxy is test/helpers/slow-link.py (python3, which scripts/setup-system.sh
 * installs).
 */
export interface SlowLinkOptions {
  bytesPerSecond: number;
  /** SO_RCVBUF of the proxy's sockets (default 64 KiB: the window of a link with ~60 ms RTT at 1 MiB/s). */
  windowBytes?: number;
}

const SCRIPT = new URL('./slow-link.py', import.meta.url).pathname;

export async function startSlowLink(
  upstreamPort: number,
  o: SlowLinkOptions,
  upstreamHost = '127.0.0.1',
): Promise<ThrottleProxy> {
  const child: ChildProcess = spawn(
    'python3',
    [
      SCRIPT,
      upstreamHost,
      String(upstreamPort),
      String(o.bytesPerSecond),
      String(o.windowBytes ?? 64 * 1024),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const moved = { up: 0, down: 0 };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`slow-link.py exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [word, a, b] = line.split(' ');
      if (word === 'port') resolve(Number(a));
      if (word === 'moved') {
        moved.up = Number(a);
        moved.down = Number(b);
      }
    });
  });
  const command = (line: string) => child.stdin!.write(`${line}\n`);
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    get moved() {
      return { ...moved };
    },
    setRate: (rate) => command(`rate ${rate}`),
    stall: () => command('stall'),
    flow: () => command('flow'),
    close: async () => {
      // the proxy closes every connection and exits when its stdin ends
      child.stdin!.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
