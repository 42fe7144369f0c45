"""draft-cavage HTTP Signatures and the Digest header, without a network."""

import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from fediverse import signatures
from fediverse.signatures import SignatureError

URL = "https://blog.example.org/ap/inbox"
KEY_ID = "https://remote.example/users/anna#main-key"
BODY = b'{"type": "Follow"}'
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def key():
    return signatures.generate_private_key()


@pytest.fixture(scope="module")
def other_key():
    return signatures.generate_private_key()


def signed(key, body=BODY, now=NOW):
    return signatures.sign(
        "POST",
        URL,
        key,
        KEY_ID,
        body=body,
        headers={"Content-Type": "application/activity+json"},
        now=now,
    )


def check(headers, key, body=BODY, now=NOW, method="POST", path="/ap/inbox"):
    return signatures.verify(
        method, path, headers, body, lambda key_id: key.public_key(), now=now
    )


def test_a_signed_request_verifies_and_names_its_key(key):
    headers = signed(key)
    assert headers["host"] == "blog.example.org"
    assert headers["date"] == "Tue, 01 Dec 2026 12:00:00 GMT"
    assert headers["digest"] == (
        "SHA-256=" + base64.b64encode(hashlib.sha256(BODY).digest()).decode()
    )
    assert (
        'headers="(request-target) host date digest content-type"'
        in (headers["signature"])
    )
    assert check(headers, key) == KEY_ID


def test_a_signature_by_another_key_fails(key, other_key):
    with pytest.raises(SignatureError, match="ungültig"):
        check(signed(key), other_key)


def test_a_stale_date_fails_even_with_a_good_signature(key):
    headers = signed(key, now=NOW - timedelta(minutes=6))
    with pytest.raises(SignatureError, match="Zeitfenster"):
        check(headers, key)
    # Within the window (clocks a little apart) it holds.
    assert check(signed(key, now=NOW - timedelta(minutes=4)), key) == KEY_ID
    assert check(signed(key, now=NOW + timedelta(minutes=4)), key) == KEY_ID


def test_a_body_that_does_not_match_the_digest_fails(key):
    with pytest.raises(SignatureError, match="Digest passt nicht"):
        check(signed(key), key, body=b'{"type": "Delete"}')


def test_a_forged_digest_breaks_the_signature(key):
    other = b'{"type": "Delete"}'
    headers = signed(key)
    headers["digest"] = signatures.digest(other)
    with pytest.raises(SignatureError, match="ungültig"):
        check(headers, key, body=other)


def test_the_digest_algorithm_name_may_be_lower_case(key):
    # bovine writes "sha-256=…".
    headers = signed(key)
    value = headers["digest"].replace("SHA-256", "sha-256")
    signatures.check_digest(value, BODY)
    with pytest.raises(SignatureError):
        signatures.check_digest("MD5=abc", BODY)


def test_another_path_or_method_fails(key):
    with pytest.raises(SignatureError, match="ungültig"):
        check(signed(key), key, path="/ap/inbox?x=1")
    with pytest.raises(SignatureError):
        check(signed(key), key, method="PUT")


def test_unsigned_or_incompletely_signed_requests_fail(key):
    with pytest.raises(SignatureError, match="Keine gültige Signatur"):
        check({"date": signatures.http_date(NOW)}, key)
    headers = signed(key)
    headers["signature"] = headers["signature"].replace(
        "(request-target) host date digest", "(request-target) host date"
    )
    with pytest.raises(SignatureError, match="digest"):
        check(headers, key)


def test_a_signed_get_has_no_digest(key):
    headers = signatures.sign("GET", URL + "?page=1", key, KEY_ID, now=NOW)
    assert "digest" not in headers
    assert (
        signatures.verify(
            "GET",
            "/ap/inbox?page=1",
            headers,
            b"",
            lambda key_id: key.public_key(),
            now=NOW,
        )
        == KEY_ID
    )


def test_keys_survive_pem(key):
    private = signatures.load_private_key(signatures.private_pem(key))
    public = signatures.load_public_key(signatures.public_pem(key))
    headers = signed(private)
    assert check(headers, type("K", (), {"public_key": lambda self: public})()) == (
        KEY_ID
    )
