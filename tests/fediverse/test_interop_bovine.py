"""Interoperability with a fediverse server no one here wrote: bovine-herd
0.5.19 (with bovine-tool 0.5.6) on loopback, in its own virtualenv.

The blog runs as real processes (gunicorn and the db_worker on the queue
"fediverse") on the test database. A bovine user follows the blog through
bovine's own client (BovineClient.send_to_outbox); bovine signs its requests,
serves its actor only to signed GETs and checks the blog's signatures, so
every step below also proves that both sides verify each other.
"""

import json
import os
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from fediverse.models import Delivery, Follower, OutgoingActivity
from tests.factories import make_post

from .test_worker_killed import database_url

pytestmark = [
    pytest.mark.interop,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PEER_PACKAGES = ["bovine-herd==0.5.19", "bovine-tool==0.5.6", "hypercorn==0.18.0"]
PORTS = range(8500, 8550)


def free_port_in_range():
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("Kein freier Port zwischen 8500 und 8549.")


def wait_for(condition, seconds=60, what="", explain=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(
        f"Timed out waiting for {what}" + (explain() if explain else "")
    )


def port_open(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def bovine_python():
    """bovine's own virtualenv under .cache/interop (reused when present)."""
    home = Path(os.environ.get("FEDER_INTEROP_DIR", ROOT / ".cache" / "interop"))
    env_dir = home / "bovine-0.5.19"
    python = env_dir / "bin" / "python"
    stamp = env_dir / ".installed"
    if not stamp.exists():
        try:
            venv.create(env_dir, with_pip=True, clear=True)
            subprocess.run(
                [python, "-m", "pip", "install", "--quiet", *PEER_PACKAGES],
                check=True,
                capture_output=True,
                timeout=600,
            )
        except (subprocess.SubprocessError, OSError) as error:
            detail = getattr(error, "stderr", b"") or b""
            pytest.skip(
                "bovine-herd 0.5.19 / bovine-tool 0.5.6 ließen sich nicht installieren "
                f"(Interoperabilitätstest übersprungen): {error} {detail[-300:]!r}"
            )
        stamp.write_text(" ".join(PEER_PACKAGES))
    return python


class Process:
    def __init__(self, args, log, env, cwd):
        self.log = log
        self.handle = open(log, "w")  # noqa: SIM115
        self.popen = subprocess.Popen(
            args, cwd=cwd, env=env, stdout=self.handle, stderr=subprocess.STDOUT
        )

    def stop(self):
        self.popen.terminate()
        try:
            self.popen.wait(20)
        except subprocess.TimeoutExpired:
            self.popen.kill()
        self.handle.close()

    def output(self):
        return Path(self.log).read_text()


class Bovine:
    def __init__(self, python, workdir):
        self.python = python
        self.workdir = workdir
        self.port = free_port_in_range()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "BOVINE_DB_URL": f"sqlite://{workdir}/bovine.sqlite3",
            "BUTCHER_ALLOW_HTTP": "1",
            "PYTHONPATH": str(HERE),
        }
        self.server = None
        self.config = workdir / "client.json"

    def start(self):
        self.server = Process(
            [
                self.python,
                "-m",
                "hypercorn",
                "--bind",
                f"127.0.0.1:{self.port}",
                "bovine_peer:app",
            ],
            self.workdir / "bovine.log",
            self.env,
            self.workdir,  # bovine leaves its JSON-LD cache in its working folder
        )
        wait_for(lambda: port_open(self.port), what="bovine to listen")
        return self

    def tool(self, *args):
        result = subprocess.run(
            [self.python, *args],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout

    def register(self, name):
        out = self.tool("-m", "bovine_tool.register", name, "--domain", self.base)
        bovine_name = out.split("Bovine name:")[1].strip()
        out = self.tool("-m", "bovine_tool.manage", bovine_name, "--new_did_key")
        secret = out.split("Your new secret:")[1].strip()
        actor = json.loads(self.tool("-m", "bovine_tool.manage", bovine_name))
        self.config.write_text(
            json.dumps({"domain": self.base, "actor_id": actor["id"], "secret": secret})
        )
        return actor

    def client(self, command, *args):
        return json.loads(
            self.tool(str(HERE / "bovine_peer.py"), command, str(self.config), *args)
        )

    def stop(self):
        if self.server:
            self.server.stop()


@pytest.fixture
def bovine(bovine_python, tmp_path):
    peer = Bovine(bovine_python, tmp_path).start()
    yield peer
    peer.stop()


@pytest.fixture
def blog_server(blog, settings, tmp_path):
    port = free_port_in_range()
    base = f"http://127.0.0.1:{port}"
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = base
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.fediverse.process_settings",
        "DATABASE_URL": database_url(),
        "PUBLIC_BASE_URL": base,
    }
    bin_dir = Path(sys.executable).parent
    # Two workers with threads: while the blog's inbox checks a signature,
    # bovine fetches the blog's own key from it.
    web = Process(
        [
            bin_dir / "gunicorn",
            "-c",
            "/dev/null",
            "settings.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
        ],
        tmp_path / "gunicorn.log",
        env,
        ROOT,
    )
    worker = Process(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "fediverse",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.2",
        ],
        tmp_path / "worker.log",
        env,
        ROOT,
    )
    wait_for(lambda: port_open(port), what="gunicorn to listen")
    yield {"base": base, "actor": f"{base}/ap/actor", "web": web, "worker": worker}
    web.stop()
    worker.stop()


def inbox_objects(bovine, kind):
    return [
        item["object"]
        for item in bovine.client("inbox")
        if isinstance(item, dict)
        and item.get("type") == kind
        and isinstance(item.get("object"), dict)
    ]


def test_a_bovine_user_follows_gets_a_post_and_unfollows(bovine, blog_server, blog):
    def logs():
        return "\n".join(
            process.output()[-3000:]
            for process in (blog_server["web"], blog_server["worker"], bovine.server)
        )

    actor = bovine.register("leserin")

    # 1. Follow through bovine's client: bovine delivers a signed Follow.
    follow = bovine.client("follow", blog_server["actor"])
    assert follow["status"] in {200, 201, 202}, follow
    try:
        wait_for(
            lambda: Follower.objects.filter(actor_url=actor["id"]).exists(),
            what="the Follow",
        )
    except AssertionError:
        pytest.fail("The blog got no valid Follow:\n" + logs())
    follower = Follower.objects.get()
    assert follower.username == "leserin"
    assert follower.inbox_url == actor["inbox"]

    # 2. The blog accepts (a signed POST bovine verified: else it answers 401).
    wait_for(
        lambda: Delivery.objects.filter(
            activity__kind="Accept", status__in=["sent", "failed"]
        ).exists(),
        what="the Accept",
    )
    accept = Delivery.objects.get(activity__kind="Accept")
    assert accept.status == "sent", accept.last_error + logs()

    # 3. A post is published and lands in the bovine user's inbox.
    post = make_post(blog, title="Hallo Fediverse", tags=["Teams"])
    wait_for(
        lambda: Delivery.objects.filter(
            activity__kind="Create", status__in=["sent", "failed"]
        ).exists(),
        what="the Create",
    )
    create = Delivery.objects.get(activity__kind="Create")
    assert create.status == "sent", create.last_error + logs()
    assert create.inbox_url == actor["inbox"]
    articles = inbox_objects(bovine, "Create")
    assert [article["name"] for article in articles] == ["Hallo Fediverse"], articles
    assert articles[0]["id"] == f"{blog_server['base']}/ap/objects/{post.pk}/"

    # 4. Unfollow: the follower is gone, and the next post is not delivered.
    undo = bovine.client("unfollow", blog_server["actor"], follow["id"])
    assert undo["status"] in {200, 201, 202}, undo
    wait_for(lambda: not Follower.objects.exists(), what="the Undo", explain=logs)
    make_post(blog, title="Nur noch für andere")
    second = OutgoingActivity.objects.filter(kind="Create").order_by("-pk").first()
    wait_for(
        lambda: DBTaskResult.objects.filter(
            task_path="fediverse.tasks.fan_out_activity",
            args_kwargs__args=[second.pk],
            status="SUCCESSFUL",
        ).exists(),
        what="the second fan-out",
    )
    assert not Delivery.objects.filter(activity=second).exists()
    names = [article["name"] for article in inbox_objects(bovine, "Create")]
    assert names == ["Hallo Fediverse"]
