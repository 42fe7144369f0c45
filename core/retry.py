"""Backoff for background work that talks to other servers (SMTP, later others)."""

from datetime import timedelta


def backoff(attempt, base_seconds, factor=4):
    """Delay before retry number `attempt` (1-based): base, base×4, base×16, …"""
    return timedelta(seconds=base_seconds * factor ** (attempt - 1))
