import json

import pytest

from django.test import Client

from fediverse import signatures
from fediverse.models import RemoteKey

AP = "application/activity+json"


class RemoteActor:
    """An actor of another server whose key the blog has cached already, so a
    test can send signed requests to the inbox without a network."""

    def __init__(self, name="anna", domain="remote.example"):
        self.url = f"https://{domain}/users/{name}"
        self.domain = domain
        self.name = name
        self.key_id = f"{self.url}#main-key"
        self.key = signatures.generate_private_key()
        self.inbox = f"{self.url}/inbox"

    def cache_key(self):
        from django.utils import timezone

        RemoteKey.objects.update_or_create(
            key_id=self.key_id,
            defaults={
                "owner": self.url,
                "public_key_pem": signatures.public_pem(self.key),
                "fetched_at": timezone.now(),
            },
        )
        return self

    def signed_headers(self, body, path="/ap/inbox", key=None, **overrides):
        headers = signatures.sign(
            "POST",
            f"http://testserver{path}",
            key or self.key,
            self.key_id,
            body=body,
            headers={"content-type": AP},
        )
        headers.update(overrides)
        return headers

    def post(self, client, activity, key=None, **overrides):
        body = json.dumps(activity).encode()
        headers = self.signed_headers(body, key=key, **overrides)
        return client.generic(
            "POST",
            "/ap/inbox",
            body,
            content_type=AP,
            headers={k: v for k, v in headers.items() if k != "content-type"},
        )


@pytest.fixture
def anna(db):
    return RemoteActor().cache_key()


@pytest.fixture
def ap_client():
    return Client(headers={"Accept": AP})


@pytest.fixture
def peer(db):
    from fediverse.models import ActorKey

    from .peer import Peer

    server = Peer(ActorKey.current().private_key().public_key(), names=("anna", "ben"))
    server.start()
    yield server
    server.stop()
