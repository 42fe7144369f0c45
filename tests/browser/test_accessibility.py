"""axe-core finds no violations on the public pages, light, dark and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PHONE
from .pages import A11Y_PAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

VARIANTS = {
    "hell": {},
    "dunkel": {"color_scheme": "dark"},
    "telefon": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
}
axe = Axe()


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']]}"
        for v in violations
    )


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", A11Y_PAGES)
def test_no_axe_violations(new_context, quality_report, name, variant):
    page = new_context(**VARIANTS[variant]).new_page()
    page.goto(PUBLIC_PAGES[name])
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (variant == "dunkel")

    results = axe.run(page)

    violations = results.response["violations"]
    quality_report.setdefault("axe", {})[f"{name} ({variant})"] = {
        "violations": len(violations),
        "passes": len(results.response.get("passes", [])),
    }
    assert not violations, describe(violations)
