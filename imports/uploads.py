"""Uploaded import files wait in a private folder between preview and confirm.

The folder is outside MEDIA_ROOT (never served), named by a random token kept
only in the editor's session. With several app servers, point
IMPORTS_UPLOAD_DIR at storage they share, or use sticky sessions.
"""

import re
import secrets
import shutil
import stat
import tempfile
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000
KEEP_SECONDS = 24 * 60 * 60
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,}$")


class UploadError(Exception):
    pass


def upload_root():
    root = Path(
        getattr(settings, "IMPORTS_UPLOAD_DIR", None)
        or Path(tempfile.gettempdir()) / "feder-imports"
    )
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    return root


def forget_old_uploads(now=None):
    now = now or time.time()
    for folder in upload_root().iterdir():
        if folder.is_dir() and now - folder.stat().st_mtime > KEEP_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def store(uploaded):
    """Save an upload (unpacking a ZIP); return its token."""
    forget_old_uploads()
    token = secrets.token_urlsafe(24)
    folder = upload_root() / token
    folder.mkdir(mode=0o700)
    name = get_valid_filename(Path(uploaded.name).name) or "import"
    target = folder / "source" / name
    target.parent.mkdir()
    with target.open("wb") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    if target.suffix.lower() == ".zip":
        try:
            unpack(target, folder / "source")
        except UploadError:
            discard(token)
            raise
        target.unlink()
    return token


def unpack(archive, destination):
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise UploadError(_("Das ZIP-Archiv enthält zu viele Dateien."))
            budget = MAX_UNPACKED_BYTES
            for member in members:
                mode = member.external_attr >> 16
                if member.is_dir() or stat.S_ISLNK(mode):
                    continue
                target = (destination / member.filename).resolve()
                if not target.is_relative_to(destination.resolve()):
                    raise UploadError(_("Das ZIP-Archiv enthält unzulässige Pfade."))
                target.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(member) as source, target.open("wb") as out:
                    while chunk := source.read(1024 * 1024):
                        budget -= len(chunk)
                        if budget < 0:
                            raise UploadError(_("Das ZIP-Archiv ist entpackt zu groß."))
                        out.write(chunk)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        RuntimeError,
        ValueError,
    ) as error:
        raise UploadError(_("Das ZIP-Archiv ist beschädigt: %s") % error) from None


def source_of(token):
    """The stored source folder for a token, or None."""
    if not token or not TOKEN.match(token):
        return None
    folder = upload_root() / token / "source"
    return folder if folder.is_dir() else None


def discard(token):
    if token and TOKEN.match(token):
        shutil.rmtree(upload_root() / token, ignore_errors=True)
