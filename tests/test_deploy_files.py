"""Dockerfile, compose.yaml and deploy/nginx agree with the README's production
section: the same commands, every environment name documented, a worker for
every task queue. No container engine needed: the files are read, not run."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
PRODUCTION = README[
    README.index("## Running in production") : README.index("## Benchmarks")
]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
ENV_READ = re.compile(
    r"""(?:os\.environ(?:\.get\(|\[)|env_bool\(|env_list\()\s*["']([A-Z0-9_]+)["']"""
)
# Read by images and tools, not by Feder.
NOT_OURS = {
    "POSTGRES_DB",
    "POSTGRES_USER",
    "PYTHONUNBUFFERED",
    "PYTHONDONTWRITEBYTECODE",
    "PATH",
    "PIP_NO_CACHE_DIR",
    "PIP_DISABLE_PIP_VERSION_CHECK",
    "DJANGO_SETTINGS_MODULE",
}


def documented(name):
    return f"`{name}`" in PRODUCTION


def command(service):
    return " ".join(
        shlex.quote(part) if " " in part else part
        for part in SERVICES[service]["command"]
    )


def in_readme(cmd):
    """A compose command as the README writes it (`python` may be `.venv/bin/python`)."""
    return (
        cmd in PRODUCTION
        or cmd.replace("python ", ".venv/bin/python ", 1) in PRODUCTION
    )


@pytest.mark.parametrize(
    "source",
    ["settings/production.py", "settings/gunicorn_worker.py", "gunicorn.conf.py"],
)
def test_every_variable_production_reads_is_in_the_readme(source):
    names = set(ENV_READ.findall((ROOT / source).read_text()))
    assert names
    missing = sorted(name for name in names - NOT_OURS if not documented(name))
    assert missing == []


def test_every_variable_compose_and_the_image_set_is_in_the_readme():
    names = set()
    for service in SERVICES.values():
        names |= set(service.get("environment") or {})
    names |= set(re.findall(r"\$\{([A-Z0-9_]+)", (ROOT / "compose.yaml").read_text()))
    names |= set(re.findall(r"\b([A-Z][A-Z0-9_]{2,})=", DOCKERFILE))
    assert {"SECRET_KEY", "GUNICORN_BIND", "MEDIA_ROOT", "POSTGRES_PASSWORD"} <= names
    missing = sorted(name for name in names - NOT_OURS if not documented(name))
    assert missing == []


def test_compose_has_proxy_two_web_replicas_workers_postgres_and_redis():
    assert {"proxy", "web", "migrate", "postgres", "redis"} <= set(SERVICES)
    assert SERVICES["web"]["deploy"]["replicas"] == 2
    assert SERVICES["proxy"]["image"].startswith("nginx")
    for volume in SERVICES["proxy"]["volumes"]:
        assert (ROOT / volume.split(":")[0]).is_file(), volume
    assert SERVICES["web"]["environment"]["GUNICORN_BIND"] == "0.0.0.0:8000"
    # Reached only through the proxy.
    assert "ports" not in SERVICES["web"]
    web_env = SERVICES["web"]["environment"]
    assert (
        web_env["DATABASE_URL"].startswith("postgres://")
        and "@postgres:" in web_env["DATABASE_URL"]
    )
    assert web_env["REDIS_URL"].startswith("redis://redis:")
    assert web_env["TRUSTED_PROXY_COUNT"] == "1"


def test_compose_commands_are_the_readme_commands():
    for service in SERVICES:
        if "command" not in SERVICES[service] or service in ("redis",):
            continue
        cmd = command(service)
        assert f"`{cmd}`" in PRODUCTION, f"{service}: {cmd}"
    gunicorn = command("web")
    assert in_readme(".venv/bin/" + gunicorn)
    assert in_readme("python manage.py migrate")
    upstream = (ROOT / "deploy/nginx/upstream-compose.conf").read_text()
    assert "server web:8000;" in upstream


def production_queues():
    code = "import settings.production as s; c = s.TASKS['default']; print(','.join(c.get('QUEUES') or ['default']))"
    env = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "blog.example.org",
        "PUBLIC_BASE_URL": "https://blog.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.strip().split(","))


def worker_queues(commands):
    served = set()
    for cmd in commands:
        parts = shlex.split(cmd)
        if "run_worker" in parts:
            served |= set(parts[parts.index("--queue-name") + 1].split(","))
    return served


def test_every_task_queue_has_a_worker_in_compose_and_in_the_readme():
    queues = production_queues()
    compose_workers = [command(name) for name in SERVICES if name.startswith("worker")]
    assert queues <= worker_queues(compose_workers)
    readme_workers = re.findall(r"manage\.py run_worker [^\n#`]+", PRODUCTION)
    assert queues <= worker_queues(readme_workers)


def test_dockerfile_builds_in_two_stages_and_runs_as_a_user():
    stages = re.findall(r"^FROM ", DOCKERFILE, re.M)
    assert len(stages) == 2
    assert re.search(r"^FROM .+ AS build$", DOCKERFILE, re.M)
    assert "COPY --from=build" in DOCKERFILE
    [user] = re.findall(r"^USER (\S+)$", DOCKERFILE, re.M)
    assert user not in ("root", "0")
    [cmd] = re.findall(r"^CMD (\[.+\])$", DOCKERFILE, re.M)
    assert yaml.safe_load(cmd) == SERVICES["web"]["command"]
    assert "collectstatic --noinput" in DOCKERFILE
    assert "-c requirements.lock" in DOCKERFILE


def test_gunicorn_binds_loopback_by_default_and_sizes_workers_by_database():
    code = "import runpy; c = runpy.run_path('gunicorn.conf.py'); print(c['bind'], c['workers'], c['worker_class'], c['threads'])"

    def config(**env):
        base = {"PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**base, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    import multiprocessing

    bind, workers, worker_class, _ = config()
    assert bind == "127.0.0.1:8000" and workers == "2"
    assert worker_class == "settings.gunicorn_worker.BufferingThreadWorker"
    assert config(PORT="8123")[0] == "127.0.0.1:8123"
    assert config(GUNICORN_BIND="0.0.0.0:9000", GUNICORN_WORKERS="7")[:2] == [
        "0.0.0.0:9000",
        "7",
    ]
    postgres = config(DATABASE_URL="postgres://feder@db/feder")
    assert postgres[1] == str(multiprocessing.cpu_count() * 2 + 1)
    for name in ("GUNICORN_BIND", "PORT", "GUNICORN_WORKERS"):
        assert documented(name)


def test_nginx_config_buffers_and_times_out_slow_clients():
    conf = (ROOT / "deploy/nginx/feder.conf").read_text()
    for directive in (
        "client_body_timeout",
        "client_header_timeout",
        "proxy_request_buffering on",
        "proxy_buffering on",
        "X-Forwarded-Proto $scheme",
        "proxy_pass http://feder;",
    ):
        assert directive in conf
    assert "server 127.0.0.1:8000;" in (ROOT / "deploy/nginx/upstream.conf").read_text()
    assert "cp deploy/nginx/feder.conf deploy/nginx/upstream.conf" in PRODUCTION
