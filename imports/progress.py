"""A one-line progress bar for terminals; silent when output is redirected."""

import shutil

from django.core.management.base import OutputWrapper


class ProgressBar:
    def __init__(self, stream):
        self.stream = stream
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done, total, label=""):
        if not self.enabled or not total:
            return
        width = 30
        filled = int(width * done / total)
        columns = shutil.get_terminal_size((80, 20)).columns
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}"
        self._write("\r" + line[: columns - 1].ljust(columns - 1))
        if done >= total:
            self._write("\n")
        self.stream.flush()

    def _write(self, text):
        if isinstance(self.stream, OutputWrapper):
            # Plain text: the command's stderr would colour everything as an error.
            self.stream.write(text, style_func=str, ending="")
        else:
            self.stream.write(text)
