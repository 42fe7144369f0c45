"""The floor for benchmarks/http.sh: the least a Python app under the same
gunicorn settings can do, a page of the post's size from memory.

    gunicorn -c gunicorn.conf.py --pythonpath benchmarks floor_app:application

FLOOR_PAGE names a file with the page to return (http.sh saves the measured
post there); without it FLOOR_BYTES (default 24,000) bytes of filler are sent.
"""

import os

_path = os.environ.get("FLOOR_PAGE")
if _path:
    with open(_path, "rb") as page:
        BODY = page.read()
else:
    BODY = b"<!DOCTYPE html><title>Boden</title>" + b"x" * int(
        os.environ.get("FLOOR_BYTES", "24000")
    )
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
