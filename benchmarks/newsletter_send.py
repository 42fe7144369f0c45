"""Send one post to 10,000 confirmed subscribers and measure it. Not run by CI.

    .venv/bin/python benchmarks/newsletter_send.py
    BENCH_SUBSCRIBERS=2000 NEWSLETTER_BATCH_SIZE=500 .venv/bin/python benchmarks/newsletter_send.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/feder_bench .venv/bin/python benchmarks/newsletter_send.py

A fresh SQLite database in a temporary folder (or DATABASE_URL), an aiosmtpd
sink on loopback that counts messages, the editor's publish request with
"beim Veröffentlichen senden" ticked, made in-process through Django's test
client, then the real `manage.py db_worker --batch` as a separate process, as in
production. Prints the publish request's time, messages per second and the
worker's peak memory (max RSS).
"""

import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "1"))
PARAGRAPH = "<p>Ein Absatz mit <b>fettem</b> Text und einem Link.</p>" * 3
VIDEO = "https://youtu.be/dQw4w9WgXcQ"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """Counts messages and recipients; keeps nothing else."""

    def __init__(self):
        self.messages = 0
        self.recipients = set()

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        self.recipients.update(envelope.rcpt_tos)
        return "250 OK"


def configure(tmp, smtp_port):
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.newsletter_settings",
            "MEDIA_ROOT": str(Path(tmp) / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def setup_content():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from subscriptions.models import Subscriber
    from tests.factories import build_site, make_image, make_post

    call_command("migrate", verbosity=0)
    _, blog, _ = build_site()
    post = make_post(blog, "Benchmark-Artikel", live=False, slug="bench")
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"leser{n}@example.org", status=Subscriber.Status.CONFIRMED
            )
            for n in range(SUBSCRIBERS)
        ),
        batch_size=2000,
    )
    editor = get_user_model().objects.create_superuser(
        "bench", "bench@example.org", "bench-pw-123"
    )
    return post, editor, make_image()


def publish(post, editor, image):
    from django.test import Client

    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    client = Client()
    client.force_login(editor)
    # The editor has the edit form open; its first load warms up imports and caches.
    assert client.get(f"/admin/pages/{post.pk}/edit/").status_code == 200
    data = nested_form_data(
        {
            "title": post.title,
            "slug": post.slug,
            "date": post.date.isoformat(),
            "teaser": post.teaser,
            "tags": "",
            "feature_image_alt": "",
            "feature_image_credit": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text(PARAGRAPH)),
                    ("heading", {"text": "Zwischentitel", "level": "h2"}),
                    (
                        "image",
                        {
                            "image": image.pk,
                            "alt_text": "Ein Bild",
                            "caption": "",
                            "credit": "",
                        },
                    ),
                    ("video", {"url": VIDEO, "title": "Ein Video", "caption": ""}),
                    ("quote", {"text": "Zuhören ist Führung.", "attribution": "Mesut"}),
                ]
            ),
            "newsletter_options": inline_formset(
                [{"send_on_publish": "on", "subject": ""}]
            ),
            "action-publish": "publish",
        }
    )
    started = time.perf_counter()
    response = client.post(f"/admin/pages/{post.pk}/edit/", data)
    elapsed = time.perf_counter() - started
    if response.status_code != 302:
        raise SystemExit(f"Publish failed: {response.status_code}")
    return elapsed


def main():
    from aiosmtpd.controller import Controller

    with tempfile.TemporaryDirectory() as tmp:
        sink = Sink()
        port = free_port()
        controller = Controller(sink, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            configure(tmp, port)
            from django.conf import settings
            from django.db import connection

            from newsletter.models import PostSend

            print(
                f"Datenbank: {connection.vendor}, Batchgröße: {settings.NEWSLETTER_BATCH_SIZE}"
            )
            post, editor, image = setup_content()
            publish_seconds = publish(post, editor, image)
            send = PostSend.objects.get(page=post)
            print(f"Veröffentlichen (Admin-Request): {publish_seconds * 1000:.0f} ms")
            print(f"Gesendet während des Requests: {sink.messages}")

            started = time.perf_counter()
            worker = [
                sys.executable,
                "manage.py",
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
                "-v0",
            ]
            workers = [
                subprocess.Popen(worker, cwd=ROOT, env=os.environ)
                for _ in range(WORKERS)
            ]
            if any(process.wait() for process in workers):
                raise SystemExit("A worker failed")
            worker_seconds = time.perf_counter() - started
            peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            send.refresh_from_db()
            counts = send.counts()
            send_seconds = (send.finished_at - send.started_at).total_seconds()
        finally:
            controller.stop()
    print(f"Abonnenten: {SUBSCRIBERS}, Status: {send.status}, Zählung: {counts}")
    print(
        f"Im SMTP-Sink angekommen: {sink.messages} (verschiedene Empfänger: {len(sink.recipients)})"
    )
    print(
        f"Versand (Fan-out bis fertig): {send_seconds:.1f} s = {sink.messages / send_seconds:.0f} Nachrichten/s"
    )
    print(
        f"Worker-Prozess gesamt (inkl. Start): {worker_seconds:.1f} s = {sink.messages / worker_seconds:.0f} Nachrichten/s"
    )
    print(f"Spitzen-Speicher eines Workers (max RSS): {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
