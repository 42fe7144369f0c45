"""HTTP Signatures (draft-cavage-http-signatures-12, RSA-SHA256), as Mastodon
and most of the fediverse send them, plus the `Digest` header (RFC 3230).

Signing and verifying need no network: the caller finds the public key for
a keyId (fediverse.keys) and passes a function that returns it.
"""

import base64
import functools
import hashlib
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

# What a signed request must cover at least; a POST with a body also `digest`.
REQUIRED_HEADERS = ("(request-target)", "host", "date")
PARAM = re.compile(r'(\w+)="([^"]*)"')


class SignatureError(Exception):
    """The request is unsigned or its signature does not hold (answered 401)."""


def generate_private_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(key):
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_pem(key):
    return (
        key.public_key()
        .public_bytes(
            serialization.Encoding.PEM,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        .decode()
    )


@functools.lru_cache(maxsize=4)
def load_private_key(pem):
    # Loading checks the key, which takes tens of milliseconds: once per process.
    return serialization.load_pem_private_key(pem.encode(), password=None)


def load_public_key(pem):
    return serialization.load_pem_public_key(pem.encode())


def digest(body):
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def http_date(moment=None):
    return format_datetime(moment or datetime.now(UTC), usegmt=True)


def request_target(method, url):
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return f"{method.lower()} {path}"


def host_of(url):
    return urlsplit(url).netloc


def signing_string(names, target, headers):
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append(f"(request-target): {target}")
        else:
            value = headers.get(name)
            if value is None:
                raise SignatureError(f"Signierter Header fehlt: {name}")
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def sign(method, url, private_key, key_id, body=None, headers=None, now=None):
    """The headers of a signed request: Host, Date, Digest (with a body) and
    Signature, merged into `headers`."""
    headers = {key.lower(): value for key, value in (headers or {}).items()}
    headers.setdefault("host", host_of(url))
    headers.setdefault("date", http_date(now))
    names = list(REQUIRED_HEADERS)
    if body is not None:
        headers["digest"] = digest(body)
        names.append("digest")
        if "content-type" in headers:
            names.append("content-type")
    text = signing_string(names, request_target(method, url), headers)
    signature = private_key.sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())
    headers["signature"] = ",".join(
        [
            f'keyId="{key_id}"',
            'algorithm="rsa-sha256"',
            f'headers="{" ".join(names)}"',
            f'signature="{base64.b64encode(signature).decode()}"',
        ]
    )
    return headers


def parse_signature(value):
    params = dict(PARAM.findall(value or ""))
    if not params.get("keyId") or not params.get("signature"):
        raise SignatureError("Keine gültige Signatur im Header „Signature“.")
    return params


def check_digest(value, body):
    """Compare the Digest header with the body; the algorithm name in any case
    (bovine writes `sha-256`)."""
    if not value:
        raise SignatureError("Der Header „Digest“ fehlt.")
    for part in value.split(","):
        algorithm, _, encoded = part.strip().partition("=")
        if algorithm.lower() == "sha-256":
            expected = hashlib.sha256(body).digest()
            try:
                given = base64.b64decode(encoded, validate=True)
            except ValueError:
                break
            if given == expected:
                return
            raise SignatureError("Der Digest passt nicht zum Inhalt.")
    raise SignatureError("Kein gültiger SHA-256-Digest.")


def check_date(value, now=None, max_age=timedelta(minutes=5)):
    try:
        sent = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        raise SignatureError("Der Header „Date“ fehlt oder ist ungültig.") from None
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=UTC)
    if abs((now or datetime.now(UTC)) - sent) > max_age:
        raise SignatureError("Der Header „Date“ liegt außerhalb des Zeitfensters.")


def key_id_of(headers):
    return parse_signature(headers.get("signature")).get("keyId")


def verify(
    method,
    path,
    headers,
    body,
    public_key_for,
    now=None,
    max_age=timedelta(minutes=5),
):
    """The keyId of a valid signature, else SignatureError.

    `path` includes the query string; `headers` is a mapping with lower-case
    names; `public_key_for(key_id)` returns an RSA public key (or raises
    SignatureError).
    """
    params = parse_signature(headers.get("signature"))
    names = params.get("headers", "date").lower().split()
    missing = [name for name in REQUIRED_HEADERS if name not in names]
    if method.upper() == "POST" and "digest" not in names:
        missing.append("digest")
    if missing:
        raise SignatureError("Nicht signiert: " + ", ".join(missing))
    algorithm = params.get("algorithm", "rsa-sha256").lower()
    if algorithm not in {"rsa-sha256", "hs2019"}:
        raise SignatureError(f"Nicht unterstützter Algorithmus: {algorithm}")
    check_date(headers.get("date"), now=now, max_age=max_age)
    if "digest" in names:
        check_digest(headers.get("digest"), body or b"")
    text = signing_string(names, f"{method.lower()} {path}", headers)
    try:
        signature = base64.b64decode(params["signature"], validate=True)
    except ValueError:
        raise SignatureError("Die Signatur ist nicht Base64.") from None
    key = public_key_for(params["keyId"])
    try:
        key.verify(signature, text.encode(), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise SignatureError("Die Signatur ist ungültig.") from None
    return params["keyId"]
