import pytest

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(autouse=True)
def _media_root():
    """The root conftest gives every test its own MEDIA_ROOT; the demo images
    loaded once for the module must stay where the module put them."""


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded once per module inside a transaction that is rolled
    back at the end. Each test runs in a savepoint inside it (pytest-django's
    `db`), so it reads the demo and its own changes vanish after it."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    media.enable()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--with-admin", verbosity=0)
        yield
        transaction.set_rollback(True)
    media.disable()
