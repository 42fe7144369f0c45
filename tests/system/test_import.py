"""A 1,500-post admin import runs in the background; confirmation mail does
not wait behind it (its own queue and worker)."""

import io
import re
import uuid
import zipfile

import pytest

from .harness import sign_up, wait_until

pytestmark = pytest.mark.system

POSTS = 1500


def archive(marker):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for n in range(POSTS):
            day = n % 28 + 1
            bundle.writestr(
                f"blog/2024-02-{day:02d}-{marker}-{n}.md",
                f"---\ntitle: {marker} Beitrag {n}\ndate: 2024-02-{day:02d}\n"
                f"tags: [Import, Archiv]\n---\n\nEin Absatz mit **Text** {n}.\n\n"
                f"## Zwischentitel\n\nNoch ein Absatz mit einem "
                f"[Link](https://example.org/{n}).\n",
            )
    return buffer.getvalue()


def run_state(stack, run_id):
    return stack.db.query(
        "SELECT status, done, total, dry_run FROM imports_importrun WHERE id = %s",
        (run_id,),
    )[0]


def run_id_of(response):
    assert response.status_code == 302, response.status_code
    return int(re.search(r"/lauf/(\d+)/", response.headers["Location"])[1])


def test_big_admin_import_runs_in_the_background(stack, admin):
    marker = f"imp{uuid.uuid4().hex[:6]}"
    response = admin.post(
        "/admin/importieren/",
        {"format": "auto", "publish": "on"},
        files={"file": ("archiv.zip", archive(marker), "application/zip")},
        allow_redirects=False,
    )
    preview = run_id_of(response)
    # The request only queued the preview.
    assert run_state(stack, preview)[0] in {"queued", "running"}
    wait_until(
        lambda: run_state(stack, preview)[0] == "done",
        timeout=600,
        interval=1,
        message="the import preview",
    )
    page = admin.get(f"/admin/importieren/lauf/{preview}/").text
    assert f"{POSTS} Beiträge werden neu angelegt" in page

    response = admin.post("/admin/importieren/bestaetigen/", allow_redirects=False)
    run = run_id_of(response)
    status, done, total, dry_run = run_state(stack, run)
    assert not dry_run
    assert status in {"queued", "running"} and done < POSTS

    # While the import runs, a reader signs up and gets the confirmation.
    wait_until(
        lambda: run_state(stack, run)[1] > 0, timeout=300, message="import progress"
    )
    address = f"waehrend-{marker}@example.org"
    assert sign_up(stack.servers[1].url, address) == 303
    wait_until(
        lambda: address in stack.recipients(),
        timeout=120,
        message="the confirmation email during the import",
    )
    status, done, total, _ = run_state(stack, run)
    print(f"confirmation arrived with the import at {done}/{total} ({status})")
    assert status != "done" and done < total
    progress = admin.get(f"/admin/importieren/lauf/{run}/").text
    assert "Einträgen verarbeitet" in progress or "Angelegt:" in progress

    wait_until(
        lambda: run_state(stack, run)[0] in {"done", "failed"},
        timeout=1200,
        interval=2,
        message="the import to finish",
    )
    assert run_state(stack, run)[0] == "done"
    imported = stack.db.value(
        "SELECT count(*) FROM wagtailcore_page WHERE title LIKE %s AND live",
        (f"{marker} Beitrag %",),
    )
    assert imported == POSTS
