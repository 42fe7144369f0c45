from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import HomePage, StandardPage
from posts.models import BlogIndexPage, BlogPostPage
from tests.factories import build_site


class PageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.blog, cls.site = build_site()

    def setUp(self):
        self.user = self.login()

    def test_home_page_sits_at_the_root_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_allows_the_blog_index_and_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, BlogPostPage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_one_blog_index_under_home(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPostPage})
        self.assertEqual(BlogIndexPage.max_count, 1)
        # The index exists already, so a second one cannot be added.
        self.assertFalse(BlogIndexPage.can_create_at(self.home))

    def test_posts_only_under_the_index_and_without_children(self):
        self.assertAllowedParentPageTypes(BlogPostPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPostPage, set())
        self.assertCanNotCreateAt(StandardPage, BlogPostPage)

    def test_standard_pages_have_no_children(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_editor_creates_a_post_with_a_streamfield_body_through_the_admin(self):
        self.assertCanCreate(
            self.blog,
            BlogPostPage,
            nested_form_data(
                {
                    "title": "Kundennähe im Alltag",
                    "slug": "kundennaehe-im-alltag",
                    "date": "2026-01-16",
                    "teaser": "Was Kundennähe im Alltag bedeutet.",
                    "tags": "Leadership, Führung & Kultur",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Zuhören", "level": "h2"}),
                            (
                                "paragraph",
                                rich_text("<p>Ein <b>erster</b> Absatz.</p>"),
                            ),
                            (
                                "quote",
                                {
                                    "text": "Zuhören ist Arbeit.",
                                    "attribution": "Eine Kundin",
                                },
                            ),
                            (
                                "video",
                                {
                                    "url": "https://www.youtube.com/watch?v=Fq7Kd2mWx9T",
                                    "title": "Ein Gespräch",
                                    "caption": "",
                                },
                            ),
                            (
                                "callout",
                                {
                                    "tone": "tip",
                                    "title": "Tipp",
                                    "text": rich_text("<p>Fragen stellen.</p>"),
                                },
                            ),
                            ("divider", ""),
                        ]
                    ),
                    "comments": inline_formset([]),
                }
            ),
        )
        post = BlogPostPage.objects.get(slug="kundennaehe-im-alltag")
        self.assertEqual(
            [block.block_type for block in post.body],
            ["heading", "paragraph", "quote", "video", "callout", "divider"],
        )
        self.assertEqual(
            sorted(tag.name for tag in post.tag_list()),
            ["Führung & Kultur", "Leadership"],
        )

    def test_admin_rejects_a_video_url_that_is_not_youtube_or_vimeo(self):
        url = f"/admin/pages/add/posts/blogpostpage/{self.blog.pk}/"
        data = nested_form_data(
            {
                "title": "Mit falschem Video",
                "slug": "falsches-video",
                "date": "2026-01-16",
                "teaser": "Teaser",
                "tags": "",
                "body": streamfield(
                    [
                        (
                            "video",
                            {
                                "url": "https://example.org/video.mp4",
                                "title": "",
                                "caption": "",
                            },
                        )
                    ]
                ),
                "comments": inline_formset([]),
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "YouTube- oder Vimeo-Videos")
        self.assertFalse(BlogPostPage.objects.filter(slug="falsches-video").exists())

    def test_pages_are_renderable(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.blog)
