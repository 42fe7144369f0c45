import pytest

from tests.factories import make_post


def body(text):
    return [("paragraph", f"<p>{text}</p>")]


def save_draft(page, text):
    """What the editor's "save draft" does: a new revision, the live row untouched."""
    draft = page.get_latest_revision_as_object()
    draft.body = body(text)
    draft.save_revision()
    return draft


@pytest.fixture
def draft_post(blog):
    post = make_post(
        blog, "Über das Zuhören", body=body("Öffentlicher Text."), slug="zuhoeren"
    )
    save_draft(post, "Geheimer Entwurfstext.")
    return post


@pytest.fixture
def preview(draft_post, editor):
    from previews.models import PreviewLink

    link, token = PreviewLink.create_for(draft_post, editor)
    return {
        "link": link,
        "token": token,
        "url": f"/vorschau/{token}/",
        "page": draft_post,
    }
