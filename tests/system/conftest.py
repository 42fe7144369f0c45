"""System tests: real gunicorn servers, workers, PostgreSQL, Redis and SMTP.

Skipped with a clear message when PostgreSQL or Redis does not answer. Every
test module sets `pytestmark = pytest.mark.system`.
"""

import pytest

from .harness import Stack, postgres_problem, redis_problem


@pytest.fixture(scope="session")
def system_services():
    problem = postgres_problem() or redis_problem()
    if problem:
        pytest.skip(f"Systemtests übersprungen: {problem}")


@pytest.fixture(scope="session")
def stack(system_services):
    """Two app servers, one worker per queue, one SMTP server, shared by the
    system tests of one pytest process (each test uses its own addresses)."""
    with Stack("stack") as running:
        yield running


@pytest.fixture
def admin(stack):
    from .harness import AdminClient

    stack.shell(
        "from django.contrib.auth import get_user_model; U = get_user_model();\n"
        "U.objects.filter(username='system').exists() or "
        "U.objects.create_superuser('system', 'system@example.org', 'system-pass-123')"
    )
    return AdminClient(stack.servers[0].url, "system", "system-pass-123")
