"""The neutral shape every source parser yields, and the errors they raise."""

import datetime as dt
from dataclasses import dataclass, field


class SourceError(Exception):
    """A problem in the source, named by file and line or entry."""

    def __init__(self, message, *, file, location=""):
        super().__init__(message)
        self.message = message
        self.file = str(file)
        self.location = location

    @property
    def origin(self):
        return f"{self.file}, {self.location}" if self.location else self.file

    def __str__(self):
        return f"{self.origin}: {self.message}"


@dataclass
class Skipped:
    """An entry that is deliberately not imported (a page, a trashed post, …)."""

    origin: str
    title: str
    reason: str


@dataclass
class ImportedPostData:
    source: str  # "markdown", "text", "ghost", "wxr"
    source_id: str  # stable key within the source
    origin: str  # file and entry, for messages
    title: str
    slug: str = ""
    date: dt.date | None = None
    published_at: dt.datetime | None = None
    tags: list[str] = field(default_factory=list)
    teaser: str = ""
    # (block_type, value); image values carry a local "path" instead of an Image.
    blocks: list[tuple[str, object]] = field(default_factory=list)
    feature_image: str | None = None  # a resolved local path
    feature_image_alt: str = ""
    feature_image_credit: str = ""
    authors: list[str] = field(default_factory=list)
    draft: bool = False  # a draft at the source stays a draft here
    warnings: list[str] = field(default_factory=list)
    # For the editor to check (title taken from the first line, headings guessed);
    # reported with the run, not stored like warnings.
    notes: list[str] = field(default_factory=list)

    def block_counts(self):
        counts = {}
        for block_type, _value in self.blocks:
            counts[block_type] = counts.get(block_type, 0) + 1
        return counts
