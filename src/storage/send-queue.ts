import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { endianness } from 'node:os';

/**
 * The kernel's send queue of every TCP connection of this machine's network namespace, as Linux
 * shows it in /proc/net/tcp and /proc/net/tcp6: for each connection (by connectionKey) its
 * `tx_queue`, the bytes written to the socket that the peer has not yet acknowledged
 * (write_seq - snd_una). Bytes leave that queue only when the peer acknowledged them, so a queue
 * that shrinks proves that bytes left the machine, which no Node API shows.
 */
export type SendQueues = ReadonlyMap<string, number>;

export interface Endpoint {
  address: string;
  port: number;
}

const TABLES = ['/proc/net/tcp', '/proc/net/tcp6'];

/**
 * The send queues, or undefined where they cannot be read (not Linux, or /proc not mounted).
 * /proc/net/tcp6 is absent when IPv6 is disabled: one readable table is enough.
 */
export function readSendQueues(
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): SendQueues | undefined {
  if (process.platform !== 'linux') return undefined;
  const queues = new Map<string, number>();
  let readable = false;
  for (const table of TABLES) {
    let text: string;
    try {
      text = read(table);
    } catch {
      continue;
    }
    readable = true;
    for (const [key, tx] of parseTcpTable(text)) queues.set(key, tx);
  }
  return readable ? queues : undefined;
}

/**
 * The rows of one /proc/net/tcp{,6} table as [connectionKey, tx_queue]. The table is the kernel's
 * fixed layout (net/ipv4/tcp_ipv4.c, tcp4_seq_show): a header line, then one row per socket of
 * whitespace-separated fields `sl local_address rem_address st tx_queue:rx_queue ...`, each address
 * `HEX:PORT` with the address as 32-bit words in host byte order and the port in hex.
 */
export function parseTcpTable(text: string): Array<[string, number]> {
  const rows: Array<[string, number]> = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const local = procEndpoint(fields[1]!);
    const remote = procEndpoint(fields[2]!);
    const tx = Number.parseInt(fields[4]!.split(':')[0]!, 16);
    if (!local || !remote || !Number.isInteger(tx)) continue;
    rows.push([connectionKey(local, remote), tx]);
  }
  return rows;
}

/** `0100007F:1F90` -> 127.0.0.1 port 8080 (on a little-endian machine). */
function procEndpoint(field: string): Endpoint | undefined {
  const [hex, portHex] = field.split(':');
  if (!hex || !portHex || (hex.length !== 8 && hex.length !== 32)) return undefined;
  const bytes = Buffer.alloc(hex.length / 2);
  for (let word = 0; word < hex.length / 8; word++) {
    const value = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16);
    if (endianness() === 'LE') bytes.writeUInt32LE(value, word * 4);
    else bytes.writeUInt32BE(value, word * 4);
  }
  const address =
    bytes.length === 4
      ? [...bytes].join('.')
      : Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');
  return { address, port: Number.parseInt(portHex, 16) };
}

/**
 * One connection's key, the same for a socket's own view of its addresses and for its row in the
 * table: IPv6 addresses in their canonical form (as the WHATWG URL parser writes them, so
 * `::ffff:127.0.0.1` and `0:0:0:0:0:ffff:7f00:1` agree), without a zone index.
 */
export function connectionKey(local: Endpoint, remote: Endpoint): string {
  return `${canonical(local.address)} ${local.port} ${canonical(remote.address)} ${remote.port}`;
}

function canonical(address: string): string {
  const bare = address.split('%')[0]!;
  return isIPv6(bare) ? new URL(`http://[${bare}]/`).hostname : bare;
}
