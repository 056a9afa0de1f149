"""A slow link with a small TCP window, for test/helpers/slow-link.ts (which documents it).

Usage: python3 slow-link.py UPSTREAM_HOST UPSTREAM_PORT BYTES_PER_SECOND WINDOW_BYTES

Listens on 127.0.0.1 (port 0) and passes every byte between a client and the upstream, at most
BYTES_PER_SECOND in each direction (shared by every connection, as one link is). Both sockets the
proxy reads from get SO_RCVBUF = WINDOW_BYTES before they connect (the listening socket passes it
on to every accepted one): the kernel then advertises a small window and does not grow it (setting
SO_RCVBUF turns receive autotuning off), so the bytes a sender has written and the link has not yet
carried wait in the SENDER's send queue, as they do before a real slow link, instead of being
acknowledged at once into a large receive buffer on loopback. Node cannot set SO_RCVBUF on TCP.

stdin, one command a line: `stall` (no byte passes either way; connections stay open and new ones
are accepted), `flow`, `rate N`. stdout: `port N` once listening, then `moved UP DOWN` whenever the
byte counts changed (at most every 50 ms). Ends, closing every connection, when stdin closes.
"""

import socket
import sys
import threading
import time

SLICE = 16 * 1024
TICK = 0.01


class Lane:
    """One direction of the link: a token bucket refilled at the rate, shared by every connection."""

    def __init__(self, rate):
        self.rate = rate
        self.tokens = 0.0
        self.last = time.monotonic()
        self.moved = 0
        self.stalled = False
        self.lock = threading.Lock()

    def permit(self, n, alive):
        """Waits until n bytes may pass; False when the connection went away meanwhile."""
        while alive():
            with self.lock:
                now = time.monotonic()
                # at most a tick's worth of burst: a stall or an idle moment banks no bandwidth
                self.tokens = min(self.tokens + (now - self.last) * self.rate, self.rate / 10 + SLICE)
                self.last = now
                if not self.stalled and self.tokens >= n:
                    self.tokens -= n
                    self.moved += n
                    return True
            time.sleep(TICK)
        return False


class Connection:
    def __init__(self, client, upstream):
        self.sockets = (client, upstream)
        self.open = True

    def alive(self):
        return self.open

    def close(self):
        self.open = False
        for s in self.sockets:
            try:
                s.close()
            except OSError:
                pass


def pump(src, dst, lane, conn):
    try:
        while conn.alive():
            chunk = src.recv(SLICE)
            if not chunk:
                dst.shutdown(socket.SHUT_WR)
                return
            if not lane.permit(len(chunk), conn.alive):
                return
            dst.sendall(chunk)
    except OSError:
        conn.close()


def main():
    host, port, rate, window = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    up, down = Lane(rate), Lane(rate)
    connections = []
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, window)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print(f"port {listener.getsockname()[1]}", flush=True)

    def accept():
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            upstream.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, window)
            try:
                upstream.connect((host, port))
            except OSError:
                client.close()
                continue
            conn = Connection(client, upstream)
            connections.append(conn)
            threading.Thread(target=pump, args=(client, upstream, up, conn), daemon=True).start()
            threading.Thread(target=pump, args=(upstream, client, down, conn), daemon=True).start()

    def report():
        last = None
        while True:
            now = (up.moved, down.moved)
            if now != last:
                print(f"moved {now[0]} {now[1]}", flush=True)
                last = now
            time.sleep(0.05)

    threading.Thread(target=accept, daemon=True).start()
    threading.Thread(target=report, daemon=True).start()
    for line in sys.stdin:
        words = line.split()
        if words == ["stall"] or words == ["flow"]:
            up.stalled = down.stalled = words[0] == "stall"
        elif len(words) == 2 and words[0] == "rate":
            up.rate = down.rate = float(words[1])
    listener.close()
    for conn in connections:
        conn.close()


if __name__ == "__main__":
    main()
