"""Screenshots of the home page and a post, desktop and phone, for people to look at.

(The file name sorts before test_editor.py, so they show the demo content as loaded.)
"""

import pytest

from .conftest import ARTIFACTS, PHONE
from .pages import RICH_POST, load_fully

pytestmark = pytest.mark.browser


def test_screenshots_for_people(page, new_context):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    for name, path in {"startseite": "/", "artikel": RICH_POST}.items():
        for device, tab in {"desktop": page, "telefon": phone}.items():
            target = folder / f"{name}-{device}.png"
            target.unlink(missing_ok=True)
            load_fully(tab, path)
            tab.screenshot(path=target, full_page=True)
            assert target.stat().st_size > 10_000
