"""The `stats` cache without Redis: Django's FileBasedCache (shared by every
process on the machine), minus its habit of listing the whole folder on every
write and of deleting random live entries (the day's salt among them) once
MAX_ENTRIES is reached. Instead, now and then a write sweeps out the entries
that have expired; the day's markers all expire shortly after midnight."""

import random

from django.core.cache.backends.filebased import FileBasedCache

SWEEP_EVERY = 1000  # writes, on average


class StatsFileCache(FileBasedCache):
    def _cull(self):
        if random.randrange(SWEEP_EVERY):
            return
        for path in self._list_cache_files():
            try:
                with open(path, "rb") as file:
                    self._is_expired(file)  # deletes the file if it has expired
            except FileNotFoundError:
                pass
