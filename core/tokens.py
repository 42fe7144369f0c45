"""Secret link tokens: random, shown once, stored only as a hash."""

import hashlib
import secrets

MAX_TOKEN_LENGTH = 128


def new_token():
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def hash_token(raw):
    # The token carries 256 random bits, so a plain SHA-256 is enough: nobody can
    # brute-force it, and a leaked table does not reveal working links.
    return hashlib.sha256(raw.encode()).hexdigest()


def plausible(raw, max_length=MAX_TOKEN_LENGTH):
    """Cheap check before a lookup: empty or oversized input is never a token."""
    return bool(raw) and len(raw) <= max_length
