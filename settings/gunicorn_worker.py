"""A gthread worker that reads each request in full before a thread serves it.

gunicorn's threads read the request line, headers and body with blocking
reads: a client that sends half a body and then waits holds a thread for as
long as it likes, and a handful of such clients stall the server. This worker
reads whatever has arrived without blocking and hands the connection back to
the worker's poller until the rest comes (at most `keepalive` seconds between
two pieces, `GUNICORN_REQUEST_READ_TIMEOUT` seconds in all, else 408). Only a
complete request reaches a thread and Django; bodies over the buffer limit and
slow readers of the answer can hold a thread for at most that timeout per read
or write. A buffering reverse proxy
(deploy/nginx.conf) is still the documented default in front of it.
"""

import os
import re
import time

from gunicorn.workers import gthread

READ_TIMEOUT = float(os.environ.get("GUNICORN_REQUEST_READ_TIMEOUT", "30"))
# Bodies larger than this (admin uploads) are read by the thread as usual, but
# with a timeout on every read and write; everything a reader sends is smaller.
BUFFER_LIMIT = int(os.environ.get("GUNICORN_REQUEST_BUFFER_BYTES", str(2**20)))
HEADERS_LIMIT = 64 * 1024
CONTENT_LENGTH = re.compile(rb"\r\ncontent-length[ \t]*:[ \t]*(\d+)", re.IGNORECASE)
EXPECT_CONTINUE = re.compile(rb"\r\nexpect[ \t]*:[ \t]*100-continue", re.IGNORECASE)
CHUNKED = re.compile(rb"\r\ntransfer-encoding[ \t]*:[^\r\n]*chunked", re.IGNORECASE)
TIMED_OUT = (
    b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: 0\r\n\r\n"
)


def request_is_complete(data):
    """Whether `data` holds a whole request (or so much that the parser should
    take over and decide)."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return len(data) >= HEADERS_LIMIT
    head = b"\r\n" + data[:end]
    body = len(data) - end - 4
    if body >= BUFFER_LIMIT:
        return True
    if CHUNKED.search(head):
        return data.endswith(b"0\r\n\r\n")
    length = CONTENT_LENGTH.search(head)
    return body >= int(length.group(1)) if length else True


class TimeoutSocket:
    """The connection's socket, where "blocking" means "blocking with a timeout":
    gunicorn switches it to blocking mode for each request, and a read or
    write that then waits longer than `timeout` raises instead of holding the
    thread (a large body that stops arriving, a client that stops reading)."""

    def __init__(self, sock, timeout):
        self._sock = sock
        self._timeout = timeout

    def setblocking(self, flag):
        if flag:
            self._sock.settimeout(self._timeout)
        else:
            self._sock.setblocking(False)

    def __getattr__(self, name):
        return getattr(self._sock, name)


# A worker holding more connections than it has threads waits this long per
# extra connection (at most ACCEPT_DEFER_MAX) before it accepts a new one, and
# at most ACCEPT_DEFER_BUDGET in all per second: a burst of new connections is
# spread over the workers, steady traffic on short connections is not slowed.
ACCEPT_DEFER = 0.002
ACCEPT_DEFER_MAX = 0.02
ACCEPT_DEFER_BUDGET = 0.05


class BufferingThreadWorker(gthread.ThreadWorker):
    _defer_window = (0.0, 0.0)  # (start of the current second, seconds waited in it)

    def accept(self, listener):
        """Spread connections over the workers. All workers wait on the same
        listening socket and whichever wakes first accepts: when clients open
        their keep-alive connections at once (a reverse proxy's pool, a load
        test), one worker can end up holding nearly all of them and serving
        them on one core while its siblings idle. A worker that already
        holds more connections than it has threads therefore lets a less busy
        sibling take the new one first (it finds the queue empty then). Its
        threads go on serving meanwhile; only this loop waits, and for at
        most ACCEPT_DEFER_BUDGET per second."""
        extra = self.nr_conns - self.cfg.threads
        if extra > 0 and self.cfg.workers > 1:
            now = time.monotonic()
            start, waited = self._defer_window
            if now - start >= 1.0:
                start, waited = now, 0.0
            pause = min(
                extra * ACCEPT_DEFER, ACCEPT_DEFER_MAX, ACCEPT_DEFER_BUDGET - waited
            )
            if pause > 0:
                time.sleep(pause)
                waited += pause
            self._defer_window = (start, waited)
        super().accept(listener)

    def send_continue(self, conn, data):
        """A client that asked first (Expect: 100-continue) sends its body only
        after this; gunicorn sends its own later, and a second 1xx is allowed."""
        end = data.find(b"\r\n\r\n")
        if end < 0 or getattr(conn, "feder_continued", False):
            return
        head = data[:end]
        if b"HTTP/1.1" in head.split(b"\r\n", 1)[0] and EXPECT_CONTINUE.search(
            b"\r\n" + head
        ):
            conn.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            conn.feder_continued = True

    def handle(self, conn):
        if self.cfg.is_ssl or conn.is_http2:
            return super().handle(conn)
        if not isinstance(conn.sock, TimeoutSocket):
            conn.sock = TimeoutSocket(conn.sock, READ_TIMEOUT)
        try:
            state = self.read_ahead(conn)
        except OSError:
            return False
        if state is gthread._DEFER:
            return state
        if state == "timeout":
            try:
                conn.sock.setblocking(True)
                conn.sock.sendall(TIMED_OUT)
            except OSError:
                pass
            return False
        if state == "closed":
            return False
        conn.feder_started = None
        conn.feder_continued = False
        return super().handle(conn)

    def read_ahead(self, conn):
        conn.init()
        unreader = conn.parser.unreader
        started = getattr(conn, "feder_started", None)
        if started is None:
            started = conn.feder_started = time.monotonic()
        data = unreader.buf.getvalue()
        conn.sock.setblocking(False)
        eof = False
        try:
            while not request_is_complete(data):
                try:
                    chunk = conn.sock.recv(65536)
                except BlockingIOError:
                    break
                if not chunk:
                    eof = True
                    break
                data += chunk
        finally:
            unreader.buf.seek(0)
            unreader.buf.truncate()
            unreader.buf.write(data)
            conn.sock.setblocking(True)
        if eof and not data:
            return "closed"
        if eof or request_is_complete(data):
            return "complete"
        self.send_continue(conn, data)
        if time.monotonic() - started > READ_TIMEOUT:
            return "timeout"
        # Wait in the poller, not in a thread, for the rest.
        conn.data_ready = False
        return gthread._DEFER
