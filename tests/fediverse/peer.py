"""A small ActivityPub peer on loopback: it serves its actors (only to GETs
the blog signed), and its inboxes record what they receive after checking the
blog's signature. Written for these tests; the interoperability test runs a
real server (bovine) instead."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fediverse import signatures
from tests.smtp import free_port


class Peer:
    def __init__(self, blog_key, names=("anna",), shared_inbox=True):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.blog_key = blog_key  # the blog's public key, to check its signatures
        self.shared_inbox = shared_inbox
        self.keys = {name: signatures.generate_private_key() for name in names}
        self.received = []  # (path, activity) of every accepted POST
        self.refused = []  # (path, reason)
        self.gets = []
        self.status = 202  # what the inboxes answer
        self.hang = None  # a threading.Event: inbox POSTs wait on it
        self.lock = threading.Lock()
        self.server = None

    def actor_url(self, name):
        return f"{self.base}/users/{name}"

    def key_id(self, name):
        return self.actor_url(name) + "#main-key"

    def actor(self, name):
        document = {
            "@context": ["https://www.w3.org/ns/activitystreams"],
            "id": self.actor_url(name),
            "type": "Person",
            "preferredUsername": name,
            "name": name.title(),
            "inbox": self.actor_url(name) + "/inbox",
            "url": f"{self.base}/@{name}",
            "publicKey": {
                "id": self.key_id(name),
                "owner": self.actor_url(name),
                "publicKeyPem": signatures.public_pem(self.keys[name]),
            },
        }
        if self.shared_inbox:
            document["endpoints"] = {"sharedInbox": f"{self.base}/inbox"}
        return document

    def sign_post(self, name, target_url, activity, key=None):
        body = json.dumps(activity).encode()
        headers = signatures.sign(
            "POST",
            target_url,
            key or self.keys[name],
            self.key_id(name),
            body=body,
            headers={"content-type": "application/activity+json"},
        )
        return body, headers

    def start(self):
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def headers_dict(self):
                return {k.lower(): v for k, v in self.headers.items()}

            def verify(self, body):
                signatures.verify(
                    self.command,
                    self.path,
                    self.headers_dict(),
                    body,
                    lambda key_id: peer.blog_key,
                )

            def answer(self, status, document=None):
                payload = json.dumps(document or {}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/activity+json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):
                name = self.path.removeprefix("/users/").split("#")[0]
                if name not in peer.keys:
                    return self.answer(404)
                try:
                    self.verify(b"")
                except signatures.SignatureError as error:
                    with peer.lock:
                        peer.refused.append((self.path, str(error)))
                    return self.answer(401)
                with peer.lock:
                    peer.gets.append(self.path)
                self.answer(200, peer.actor(name))

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    self.verify(body)
                except signatures.SignatureError as error:
                    with peer.lock:
                        peer.refused.append((self.path, str(error)))
                    return self.answer(401)
                with peer.lock:
                    peer.received.append((self.path, json.loads(body)))
                if peer.hang is not None:
                    peer.hang.wait(30)
                self.answer(peer.status)

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(
            target=self.server.serve_forever, args=(0.05,), daemon=True
        ).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def received_of(self, kind):
        return [
            activity for _path, activity in self.received if activity["type"] == kind
        ]
