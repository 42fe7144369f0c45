"""Images for imported posts: local files only, never the network."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

MAX_IMAGE_BYTES = 20 * 1024 * 1024
# Where exports keep their uploads; a URL's path is looked up from there on.
KNOWN_PREFIXES = ("wp-content/uploads/", "content/images/")


class MediaResolver:
    """Map an image reference from a post to a readable file inside `root`."""

    def __init__(self, root, base=None):
        self.root = Path(root).resolve()
        self.base = Path(base).resolve() if base else self.root

    def for_base(self, base):
        return MediaResolver(self.root, base)

    def resolve(self, src, warnings):
        src = (src or "").strip()
        if not src:
            return None
        if src.lower().startswith("data:"):
            warnings.append(_("Eingebettetes Bild (data:-Adresse) nicht übernommen."))
            return None
        src = src.replace("__GHOST_URL__", "")
        parts = urlsplit(src)
        path = unquote(parts.path)
        remote = parts.scheme in ("http", "https") or src.startswith("//")
        if parts.scheme and not remote and parts.scheme != "file":
            warnings.append(_("Bildadresse nicht unterstützt: %s") % src)
            return None
        candidates = []
        for prefix in KNOWN_PREFIXES:
            if prefix in path:
                tail = path[path.index(prefix) :]
                candidates += [self.base / tail, self.root / tail]
        if remote or path.startswith("/"):
            candidates += [self.base / path.lstrip("/"), self.root / path.lstrip("/")]
        else:
            candidates.append(self.base / path)
        outside = False
        for candidate in candidates:
            resolved = candidate.resolve()
            if not resolved.is_relative_to(self.root):
                outside = True
                continue
            if resolved.is_file():
                return self._check(resolved, src, warnings)
        if remote:
            warnings.append(_("Externes Bild nicht geladen: %s") % src)
        elif outside:
            warnings.append(_("Bild außerhalb des Importordners ignoriert: %s") % src)
        else:
            warnings.append(_("Bild nicht gefunden: %s") % src)
        return None

    def _check(self, path, src, warnings):
        extensions = getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["jpg", "png"])
        if path.suffix.lower().lstrip(".") not in extensions:
            warnings.append(_("Dateityp für Bilder nicht erlaubt: %s") % src)
            return None
        if path.stat().st_size > MAX_IMAGE_BYTES:
            warnings.append(_("Bild größer als 20 MB, nicht übernommen: %s") % src)
            return None
        try:
            with PILImage.open(path) as picture:
                picture.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            warnings.append(_("Bilddatei ist beschädigt oder kein Bild: %s") % src)
            return None
        return path


def image_for_file(path, title="", credit=""):
    """The Image for this file's content, reusing one with the same hash.

    An image's credit belongs to the image: a known image keeps the one it has,
    or takes this one if it had none.
    """
    Image = get_image_model()
    path = Path(path)
    credit = credit[: Image._meta.get_field("credit").max_length]
    with path.open("rb") as handle:
        file_hash = hash_filelike(handle)
        existing = Image.objects.filter(file_hash=file_hash).first()
        if existing:
            if credit and not existing.credit:
                existing.credit = credit
                existing.save(update_fields=["credit"])
            return existing
        handle.seek(0)
        # Set as the admin's upload form does, so later imports find this image.
        image = Image(
            title=(title or path.stem)[:255],
            credit=credit,
            file_hash=file_hash,
            file_size=path.stat().st_size,
        )
        image.file = ImageFile(handle, name=path.name)
        image.save()
    return image
