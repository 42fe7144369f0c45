"""Find the files in a source and hand each to the parser for its format."""

import logging
from pathlib import Path

from django.utils.translation import gettext as _

from ..data import SourceError
from . import ghost, markdown, text, wxr

logger = logging.getLogger(__name__)
PARSERS = {"markdown": markdown, "text": text, "ghost": ghost, "wxr": wxr}
FORMATS = ["auto", *PARSERS]
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".json": "ghost",
    ".xml": "wxr",
}
# Folders that hold an export's media, not posts.
MEDIA_FOLDERS = {"wp-content", "content", "images", "bilder", "__MACOSX"}


def source_files(source, fmt="auto"):
    """(path, format) for every file to read, in a stable order."""
    source = Path(source)
    if source.is_file():
        found = fmt if fmt != "auto" else EXTENSIONS.get(source.suffix.lower())
        if not found:
            raise SourceError(
                _("Format nicht erkannt (erwartet .md, .txt, .json oder .xml)."),
                file=source.name,
            )
        return [(source, found)]
    if not source.is_dir():
        raise SourceError(_("Datei oder Ordner nicht gefunden."), file=str(source))
    files = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).parts
        if any(part.startswith(".") for part in relative):
            continue
        if any(part in MEDIA_FOLDERS for part in relative[:-1]) or not path.is_file():
            continue
        found = EXTENSIONS.get(path.suffix.lower())
        if found and fmt in ("auto", found):
            files.append((path, found))
    return files


def read_source(source, resolver, fmt="auto", display_root=None):
    """Yield ImportedPostData, Skipped or SourceError items for a file or folder."""
    source = Path(source)
    root = (
        Path(display_root)
        if display_root
        else (source if source.is_dir() else source.parent)
    )
    try:
        files = source_files(source, fmt)
    except SourceError as error:
        yield error
        return
    for path, found in files:
        name = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        try:
            yield from PARSERS[found].parse(path, name, resolver.for_base(path.parent))
        except SourceError as error:
            yield error
        except OSError as error:
            yield SourceError(_("Datei nicht lesbar: %s") % error.strerror, file=name)
        except Exception as error:  # a parser bug must not end the whole import
            logger.exception("Reading %s failed", name)
            yield SourceError(
                _("Unerwarteter Fehler beim Lesen, Rest der Datei übersprungen: %s")
                % error,
                file=name,
            )
