# t0071-slowloris.py PORT N: the attacker of t0071-slowloris.sh, from 127.0.0.1.
#
# Phase 1 (12.5 s): N connections opened at once, each sending a request
# line and then one header byte every 2 s, never the end of the headers;
# then (after 1 s) one that sends its headers but dribbles its body (a form of 1000
# bytes), and one that asks for a page and then sits idle on the kept-alive
# connection. Phase 2 (4 s): the same slow headers, but every closed
# connection is opened again every 0.5 s, as a real attacker would.
# Prints how long the server kept each kind of connection open.
import select
import socket
import sys
import time

port, n = int(sys.argv[1]), int(sys.argv[2])
PHASE1, PHASE2, DRIBBLE, TOPUP = 12.5, 4.0, 2.0, 0.5
start = time.monotonic()
live = {}    # socket -> (since, kind)
lives = []   # (kind, seconds the server kept it open)


def now():
    return time.monotonic() - start


def connect(first):
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(first)
    return s


def open_slow(kind):
    try:
        s = connect(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    except OSError:
        lives.append((kind, 0.0))
        return
    s.setblocking(False)
    live[s] = (now(), kind)


def open_body():
    s = connect(b"POST /gemeente/GM9999 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 1000\r\n\r\nx=")
    s.setblocking(False)
    live[s] = (now(), "body")


def open_idle():
    """One whole request and its answer; then the connection idles."""
    s = connect(b"GET /static/kngg.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    buf = b""
    while b"\r\n\r\n" not in buf:
        more = s.recv(65536)
        if not more:
            raise OSError("closed before the answer")
        buf += more
    head, body = buf.split(b"\r\n\r\n", 1)
    length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
              if line.lower().startswith(b"content-length:")][0]
    while len(body) < length:
        body += s.recv(65536)
    s.setblocking(False)
    live[s] = (now(), "idle")


def close(s):
    since, kind = live.pop(s)
    lives.append((kind, now() - since))
    s.close()


for _ in range(n):
    open_slow("slow")
print("open %d after %.2f s" % (len(live), now()), flush=True)


def open_others():
    for kind, opener in (("body", open_body), ("idle", open_idle)):
        try:
            opener()
        except (OSError, IndexError, ValueError):
            lives.append((kind, 0.0))


# The body and the idle connection come LATER (1 s): until the server has
# read a slow connection's request line, that one counts as a browser's
# fresh connection and is kept, so on a loaded machine the body connection
# (its line read at once) could be the one pushed out first, long before
# the deadline it is there to test.
OTHERS = 1.0
next_byte, next_topup = DRIBBLE, PHASE1
at_phase2 = None
while now() < PHASE1 + PHASE2:
    if OTHERS is not None and now() >= OTHERS:
        OTHERS = None
        open_others()
    wake = min(next_byte, next_topup if now() >= PHASE1 else PHASE1,
               OTHERS if OTHERS is not None else PHASE1)
    readable, _, _ = select.select(list(live), [], [], min(max(0.0, wake - now()), 0.2))
    for s in readable:  # only an end of file or a reset: nothing more was asked
        try:
            s.recv(4096)
        except OSError:
            pass
        close(s)
    if at_phase2 is None and now() >= PHASE1:
        at_phase2 = [kind for since, kind in live.values()]
    if now() >= next_byte:
        next_byte += DRIBBLE
        for s in list(live):
            if live[s][1] == "idle":
                continue
            try:
                s.send(b"x")
            except OSError:
                close(s)
    if now() >= PHASE1 and now() >= next_topup:
        next_topup += TOPUP
        while len(live) < n:
            open_slow("flood")


def kept(kind):
    return sorted(t for k, t in lives if k == kind)


def life(kind):
    if kind in at_phase2:
        return "open"
    return "%.2f" % max(kept(kind)) if kept(kind) else "none"


slow = kept("slow")
print("phase1 opened=%d closed=%d within_1s=%d at_deadline=%d open_at_end=%d max_life=%s "
      "body_life=%s idle_life=%s"
      % (n, len(slow), sum(1 for t in slow if t < 1.0), sum(1 for t in slow if t >= 9.5),
         at_phase2.count("slow"), life("slow"), life("body"), life("idle")))
flood = kept("flood")
print("phase2 opened=%d closed=%d max_life=%.2f"
      % (len(flood) + sum(1 for since, kind in live.values() if kind == "flood"), len(flood),
         max(flood + [0.0])))
