from django.core.management.base import BaseCommand

from stats.buffer import flush


class Command(BaseCommand):
    help = "Schreibt die gepufferten Statistik-Zähler in die Tabellen."

    def handle(self, *args, **options):
        written = flush(wait=True)
        self.stdout.write(f"{written} Ereignisse geschrieben.")
