"""Response headers and request methods that hold for the whole site.

Public pages get a strict Content-Security-Policy: everything from the site itself,
no inline script or style, and frames only from the video players, which
js/video.js inserts after a click. Wagtail's admin still ships inline scripts
(date pickers, inline panels), so it gets its own, looser policy. A view
that needs another policy (an email shown in the browser, say) sets the header
itself; this middleware only fills in what is missing.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed

from .blocks import VIDEO_PLAYER_ORIGINS

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
# Wagtail's admin is allowed the methods its views may answer.
ADMIN_METHODS = (*SAFE_METHODS, "PUT", "PATCH", "DELETE")


def _media_origins():
    return tuple(getattr(settings, "CSP_MEDIA_ORIGINS", ()))


def public_policy():
    media = _media_origins()
    directives = {
        "default-src": ("'self'",),
        "script-src": ("'self'",),
        "style-src": ("'self'",),
        "img-src": ("'self'", *media),
        "media-src": ("'self'", *media),
        "font-src": ("'self'",),
        "connect-src": ("'self'",),
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": ("'none'",),
        "base-uri": ("'self'",),
        "form-action": ("'self'",),
        "frame-ancestors": ("'self'",),
    }
    return "; ".join(
        f"{name} {' '.join(values)}" for name, values in directives.items()
    )


def email_policy():
    """For an email shown in the browser (the newsletter's web version): email
    HTML carries its styles inline, as mail clients need; it has no script,
    no form and no frame."""
    media = _media_origins()
    directives = {
        "default-src": ("'none'",),
        "style-src": ("'unsafe-inline'",),
        "img-src": ("'self'", *media),
        "base-uri": ("'none'",),
        "form-action": ("'none'",),
        "frame-ancestors": ("'self'",),
    }
    return "; ".join(
        f"{name} {' '.join(values)}" for name, values in directives.items()
    )


def admin_policy():
    media = _media_origins()
    directives = {
        "default-src": ("'self'",),
        "script-src": ("'self'", "'unsafe-inline'"),
        "style-src": ("'self'", "'unsafe-inline'"),
        "img-src": ("'self'", "data:", "blob:", *media),
        "media-src": ("'self'", "blob:", *media),
        "font-src": ("'self'", "data:"),
        "connect-src": ("'self'",),
        "frame-src": ("'self'", *VIDEO_PLAYER_ORIGINS),
        "worker-src": ("'self'", "blob:"),
        "object-src": ("'none'",),
        "base-uri": ("'self'",),
        "form-action": ("'self'",),
        "frame-ancestors": ("'self'",),
    }
    return "; ".join(
        f"{name} {' '.join(values)}" for name, values in directives.items()
    )


# No page needs the camera, the microphone or the reader's location; the video
# players may go full screen and play once the reader has asked for them.
_players = " ".join(f'"{origin}"' for origin in VIDEO_PLAYER_ORIGINS)
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        f"autoplay=(self {_players})",
        "camera=()",
        "display-capture=()",
        f"encrypted-media=(self {_players})",
        f"fullscreen=(self {_players})",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        f"picture-in-picture=(self {_players})",
        "publickey-credentials-get=()",
        "usb=()",
        "browsing-topics=()",
    ]
)


class SecurityHeadersMiddleware:
    """Refuse TRACE and other methods the site never answers; add CSP and
    Permissions-Policy to every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"
        self.public = public_policy()
        self.admin = admin_policy()

    def __call__(self, request):
        is_admin = request.path.startswith(self.admin_prefix)
        allowed = ADMIN_METHODS if is_admin else SAFE_METHODS
        if request.method not in allowed:
            response = HttpResponseNotAllowed(
                allowed,
                "Diese Anfragemethode wird nicht unterstützt.",
                content_type="text/plain; charset=utf-8",
            )
        else:
            response = self.get_response(request)
        response.setdefault(
            "Content-Security-Policy", self.admin if is_admin else self.public
        )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
