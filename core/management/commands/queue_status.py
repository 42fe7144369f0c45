import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.queues import queue_report


def age(moment, now):
    seconds = int((now - moment).total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


class Command(BaseCommand):
    help = (
        "Zeigt die Warteschlangen der Hintergrundaufgaben: wartende Aufgaben und "
        "die älteste je Warteschlange, hängengebliebene Aufgaben und die zuletzt "
        "gesehenen Worker. Mit --check endet der Befehl mit Status 1, wenn "
        "Aufgaben hängen (für Überwachung und Cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="Ausgabe als JSON für Maschinen."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit-Status 1, wenn mindestens eine Aufgabe hängt.",
        )

    def handle(self, *args, json: bool = False, check: bool = False, **options):
        report = queue_report()
        if json:
            self.stdout.write(_dumps(report.as_dict()))
        else:
            self.write_text(report)
        if check and report.stalled:
            raise SystemExit(1)

    def write_text(self, report):
        now = report.now
        minutes = int(report.stalled_after.total_seconds() // 60)
        self.stdout.write(f"Warteschlangen ({timezone.localtime(now):%d.%m.%Y %H:%M}):")
        for queue in report.queues:
            oldest = (
                f", älteste wartet seit {age(queue.oldest_waiting_since, now)}"
                if queue.oldest_waiting_since
                else ""
            )
            self.stdout.write(
                f"  {queue.name}: {queue.waiting} wartend{oldest}, "
                f"{queue.scheduled} geplant, {queue.running} laufend, "
                f"{len(queue.stalled)} hängend"
            )
        stalled = report.stalled
        if stalled:
            self.stdout.write(f"Hängende Aufgaben (länger als {minutes} min laufend):")
            for task in stalled:
                self.stdout.write(
                    f"  {task['task']} ({task['id']}), seit {task['started_at']}, "
                    f"Worker {task['worker'] or 'unbekannt'}"
                )
        else:
            self.stdout.write("Keine hängenden Aufgaben.")
        if report.workers:
            self.stdout.write("Zuletzt gesehene Worker:")
            for worker in report.workers:
                self.stdout.write(f"  {worker['id']}: {worker['last_seen']}")
        else:
            self.stdout.write(
                "In den letzten 10 Minuten hat kein Worker eine Aufgabe begonnen."
            )


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
