"""manage.py import_posts SOURCE: bring posts in from Markdown, text, Ghost or WordPress."""

from django.core.management.base import BaseCommand, CommandError

from imports.progress import ProgressBar
from imports.runner import run_import
from imports.sources import FORMATS
from imports.writer import SetupError, find_index


class Command(BaseCommand):
    help = (
        "Importiert Beiträge aus Markdown-, Text-, Ghost-JSON- oder WordPress-WXR-"
        "Dateien (Datei oder Ordner). Ein zweiter Lauf aktualisiert statt zu verdoppeln."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Datei oder Ordner")
        parser.add_argument("--format", default="auto", choices=FORMATS)
        parser.add_argument(
            "--index", type=int, help="ID der Blog-Übersicht (Standard: die einzige)"
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--publish",
            action="store_true",
            help="In der Quelle veröffentlichte Beiträge veröffentlichen",
        )
        mode.add_argument(
            "--draft",
            action="store_true",
            help="Alles als Entwurf speichern (Standard)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Nur prüfen und berichten, nichts speichern",
        )

    def handle(self, *args, **options):
        try:
            index = find_index(options["index"])
        except SetupError as error:
            raise CommandError(str(error)) from None
        report = run_import(
            options["source"],
            index,
            fmt=options["format"],
            publish=options["publish"],
            dry_run=options["dry_run"],
            progress=ProgressBar(self.stderr),
        )
        self.summary(report)
        if report.failed:
            raise CommandError(f"{len(report.failed)} Einträge fehlgeschlagen.")

    def summary(self, report):
        write = self.stdout.write
        if report.dry_run:
            write(self.style.WARNING("Probelauf: nichts wurde gespeichert."))
        dry = report.dry_run
        write(f"{'Würden angelegt' if dry else 'Angelegt'}: {len(report.created)}")
        for origin, title in report.created:
            write(f"  + {title} ({origin})")
        write(
            f"{'Würden aktualisiert' if dry else 'Aktualisiert'}: {len(report.updated)}"
        )
        for origin, title in report.updated:
            write(f"  ~ {title} ({origin})")
        write(f"Übersprungen: {len(report.skipped)}")
        for origin, title, reason in report.skipped:
            write(f"  - {title or origin} ({origin}): {reason}")
        failed = f"Fehlgeschlagen: {len(report.failed)}"
        write(self.style.ERROR(failed) if report.failed else failed)
        for origin, reason in report.failed:
            write(self.style.ERROR(f"  ! {origin}: {reason}"))
        if report.warnings:
            write(f"Hinweise: {len(report.warnings)}")
            for origin, message in report.warnings:
                write(f"  * {origin}: {message}")
        if report.notes:
            write(f"Zu prüfen: {len(report.notes)}")
            for origin, message in report.notes:
                write(f"  ? {origin}: {message}")
