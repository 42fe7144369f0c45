"""Traffic for the system tests: concurrent sign-ups and reads."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from .harness import sign_up


def sign_up_all(servers, addresses, concurrency=50):
    """Sign every address up, spread over the servers, `concurrency` at a time.
    Returns the status codes (or exception names) in order."""

    def one(item):
        number, address = item
        server = servers[number % len(servers)]
        try:
            return sign_up(server.url, address)
        except requests.RequestException as error:
            return type(error).__name__

    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(one, enumerate(addresses)))


class Traffic(threading.Thread):
    """Readers and sign-ups against all servers until stopped; records every
    status code (or connection error) it sees."""

    def __init__(self, servers, paths, domain, readers=4):
        super().__init__(daemon=True)
        self.servers = servers
        self.paths = paths
        self.domain = domain
        self.readers = readers
        self.stopping = threading.Event()
        self.statuses = []
        self.signed_up = []
        self.lock = threading.Lock()

    def record(self, status, address=None):
        with self.lock:
            self.statuses.append(status)
            if address and status in (200, 302, 303):
                self.signed_up.append(address)

    def reader(self, number):
        count = 0
        while not self.stopping.is_set():
            server = self.servers[(number + count) % len(self.servers)]
            path = self.paths[count % len(self.paths)]
            try:
                status = requests.get(f"{server.url}{path}", timeout=30).status_code
            except requests.RequestException as error:
                status = type(error).__name__
            self.record(status)
            count += 1

    def signer(self):
        count = 0
        while not self.stopping.is_set():
            server = self.servers[count % len(self.servers)]
            address = f"blip-{count}@{self.domain}"
            try:
                status = sign_up(server.url, address)
            except requests.RequestException as error:
                status = type(error).__name__
            self.record(status, address)
            count += 1
            time.sleep(0.05)

    def run(self):
        threads = [
            threading.Thread(target=self.reader, args=(n,), daemon=True)
            for n in range(self.readers)
        ]
        threads.append(threading.Thread(target=self.signer, daemon=True))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def stop(self):
        self.stopping.set()
        self.join(60)

    def server_errors(self):
        return [s for s in self.statuses if not isinstance(s, int) or s >= 500]
