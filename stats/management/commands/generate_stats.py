"""A year (or more) of statistics for the live pages, for the query-budget
tests, benchmarks and screenshots: `manage.py generate_stats --days 365`."""

from django.core.management.base import BaseCommand

from stats.sample import generate


class Command(BaseCommand):
    help = "Erzeugt Beispiel-Statistiken für die veröffentlichten Seiten."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365)
        parser.add_argument("--seed", type=int, default=17)

    def handle(self, *args, days, seed, **options):
        rows = generate(days=days, seed=seed)
        self.stdout.write(f"{rows} Zeilen für {days} Tage erzeugt.")
