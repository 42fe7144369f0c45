import shutil
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures(tmp_path):
    """A private copy of the fixture files, so a test may change them."""
    target = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, target)
    return target


class Run:
    def __init__(self, out, err, error):
        self.out, self.err, self.error = out, err, error

    @property
    def failed(self):
        return self.error is not None


@pytest.fixture
def run_import(blog):
    def run(*args):
        out, err = StringIO(), StringIO()
        try:
            call_command("import_posts", *map(str, args), stdout=out, stderr=err)
            error = None
        except CommandError as raised:
            error = raised
        return Run(out.getvalue(), err.getvalue(), error)

    return run


def posts(blog):
    from posts.models import BlogPostPage

    return {page.slug: page for page in BlogPostPage.objects.child_of(blog)}


def block_types(page):
    return [block.block_type for block in page.body]


def tag_names(page):
    return sorted(tag.name for tag in page.tags.all())


def assert_editable(page):
    """The imported body passes the same validation as the editor's form."""
    page.body.stream_block.clean(page.body)


def snapshot():
    """Counts of everything an import may write."""
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    from imports.models import ImportedPost
    from posts.models import BlogTag

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "tags": BlogTag.objects.count(),
        "records": ImportedPost.objects.count(),
    }
