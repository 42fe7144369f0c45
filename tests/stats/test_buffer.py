"""The buffer: beacons become a bounded number of writes, a failed flush
loses and doubles nothing, and old aggregates are pruned."""

import json
import os
import runpy
import subprocess
import sys
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stats import buffer
from stats.counting import berlin_now
from stats.models import DailyPageStat, DailySiteStat, FlushedBatch, HourlyPageStat

from .conftest import send

pytestmark = pytest.mark.django_db


def writes(captured):
    return [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_a_flush_writes_in_batches_not_per_beacon(client, blog, post, flushed):
    from tests.factories import make_post

    pages = [
        post,
        blog,
        *(make_post(blog, f"Artikel {n}", slug=f"a-{n}") for n in range(5)),
    ]
    for n in range(400):
        send(
            client,
            pages[n % len(pages)],
            ip=f"203.0.113.{n % 200}",
            referrer=f"https://r{n % 3}.example/",
        )
    with CaptureQueriesContext(connection) as captured:
        assert flushed() == 400
    # One batch record, one upsert per table, the hourly prune: not 400 writes.
    assert len(writes(captured)) <= 8, writes(captured)
    assert len(captured) <= 12
    assert DailySiteStat.objects.get().views == 400
    assert sum(DailyPageStat.objects.values_list("views", flat=True)) == 400


def test_a_failed_flush_loses_nothing_and_the_next_one_adds_it_once(
    client, post, flushed, monkeypatch
):
    send(client, post)
    send(client, post, ip="198.51.100.2")
    real = buffer.upsert_add
    calls = {"n": 0}

    def failing(model, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:  # halfway: after the site and page tables
            raise DatabaseError("Platte voll")
        return real(model, *args, **kwargs)

    monkeypatch.setattr(buffer, "upsert_add", failing)
    with pytest.raises(DatabaseError):
        flushed()
    assert not DailyPageStat.objects.exists()  # rolled back as a whole
    assert not FlushedBatch.objects.exists()
    monkeypatch.setattr(buffer, "upsert_add", real)
    send(client, post, ip="198.51.100.3")
    assert flushed() == 3
    row = DailyPageStat.objects.get(page=post)
    assert (row.views, row.visitors) == (3, 3)
    assert flushed() == 0
    row.refresh_from_db()
    assert row.views == 3


def test_a_batch_written_before_a_crash_is_not_added_again(
    client, post, flushed, monkeypatch
):
    send(client, post)
    spool = buffer.spool()
    monkeypatch.setattr(
        type(spool), "drop", lambda self, batch: None
    )  # crash after commit
    flushed()
    assert DailyPageStat.objects.get().views == 1
    monkeypatch.undo()
    flushed()  # finds the batch again, sees it recorded, removes it
    assert DailyPageStat.objects.get().views == 1
    assert not buffer.spool().batches()


def test_the_workers_reaper_flushes(client, post, settings):
    assert "stats.buffer.reap" in settings.WORKER_REAPERS
    send(client, post)
    buffer.spool().take()  # renamed by an earlier flush attempt
    buffer.reap()
    assert DailyPageStat.objects.get().views == 1


def test_the_flush_command(client, post, capsys):
    send(client, post)
    call_command("flush_stats")
    assert "1 Ereignisse geschrieben" in capsys.readouterr().out
    assert DailyPageStat.objects.get().views == 1


def test_hourly_counts_are_kept_for_48_hours(post):
    now = timezone.now()
    HourlyPageStat.objects.create(hour=now - timedelta(hours=49), page=post, views=1)
    HourlyPageStat.objects.create(hour=now - timedelta(hours=47), page=post, views=1)
    buffer.flush()
    assert HourlyPageStat.objects.count() == 1


def test_prune_deletes_aggregates_older_than_the_age(post, settings, capsys):
    today = berlin_now().date()
    for age in (0, 10, 400, 800):
        DailyPageStat.objects.create(
            day=today - timedelta(days=age), page=post, views=1
        )
        DailySiteStat.objects.create(day=today - timedelta(days=age), views=1)
    call_command("prune_stats", older_than_days=365)
    assert sorted(
        (today - r).days for r in DailyPageStat.objects.values_list("day", flat=True)
    ) == [0, 10]
    assert DailySiteStat.objects.count() == 2
    assert "gelöscht" in capsys.readouterr().out
    settings.STATS_RETENTION_DAYS = 5
    call_command("prune_stats")
    assert list(DailySiteStat.objects.values_list("day", flat=True)) == [today]


def test_collected_views_are_written_by_the_next_flush(
    client, post, settings, tmp_path
):
    # Views wait in the process's memory for the spool writer; a flush in
    # this process does not wait for it.
    settings.STATS_SPOOL_DIR = str(tmp_path / "spool")
    settings.STATS_SPOOL_WRITE_SECONDS = 60
    for _ in range(3):
        send(client, post)
    assert not (tmp_path / "spool" / "spool.jsonl").exists()
    buffer.flush(wait=True)
    assert DailyPageStat.objects.get().views == 3


WRITER = """
import time, django
django.setup()
from stats.buffer import file_spool
spool = file_spool({folder!r})
for page in range(5):
    spool.append({{"k": "v", "p": page}})
time.sleep(1.5)
print(len(open(spool.path).read().splitlines()))
spool.append({{"k": "v", "p": 5}})
spool.append({{"k": "v", "p": 6}})
"""


def test_a_process_writes_its_collected_views_soon_and_when_it_ends(tmp_path, settings):
    folder = tmp_path / "spool"
    result = subprocess.run(
        [sys.executable, "-c", WRITER.format(folder=str(folder))],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "STATS_SPOOL_WRITE_SECONDS": "0.2",
        },
        timeout=60,
    )
    # The writer thread wrote the first five within the pause; the last two
    # when the process ended.
    assert result.stdout.split() == ["5"]
    lines = (folder / "spool.jsonl").read_text().splitlines()
    assert [json.loads(line)["p"] for line in lines] == list(range(7))


def test_a_stopping_gunicorn_worker_writes_its_collected_views(
    client, post, settings, tmp_path
):
    # gunicorn.conf.py's worker_exit hook runs in each worker as it stops.
    hooks = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    settings.STATS_SPOOL_DIR = str(tmp_path / "spool")
    settings.STATS_SPOOL_WRITE_SECONDS = 60
    send(client, post)
    spool = tmp_path / "spool" / "spool.jsonl"
    assert not spool.exists()
    hooks["worker_exit"](None, None)
    assert [json.loads(line)["p"] for line in spool.read_text().splitlines()] == [
        post.pk
    ]


KILLED = (
    WRITER
    + """
import os, signal
os.kill(os.getpid(), signal.SIGKILL)
"""
)


def test_a_killed_process_loses_only_its_last_moment(tmp_path, settings):
    folder = tmp_path / "spool"
    result = subprocess.run(
        [sys.executable, "-c", KILLED.format(folder=str(folder))],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "STATS_SPOOL_WRITE_SECONDS": "0.2",
        },
        timeout=60,
    )
    assert result.returncode == -9
    # What the writer had written stays, once each; the two collected after
    # it are the quarter second a hard kill costs (docs/statistics.md).
    lines = (folder / "spool.jsonl").read_text().splitlines()
    assert [json.loads(line)["p"] for line in lines] == list(range(5))


def test_a_spool_that_cannot_be_written_is_logged_and_beacons_go_on(
    client, post, settings, tmp_path, caplog
):
    blocked = tmp_path / "kein-ordner"
    blocked.write_text("")  # a file where the spool folder should be
    settings.STATS_SPOOL_DIR = str(blocked)
    settings.STATS_SPOOL_WRITE_SECONDS = 60
    assert send(client, post).status_code == 204
    buffer.write_all_pending()  # the writer thread's step
    assert "Puffer nicht geschrieben" in caplog.text
    settings.STATS_SPOOL_DIR = str(tmp_path / "spool")
    assert send(client, post).status_code == 204
    buffer.flush(wait=True)
    assert DailyPageStat.objects.get().views == 1
