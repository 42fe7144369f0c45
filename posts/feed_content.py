"""HTML of feed entries: the posts' portable HTML (core.portable, the same as in
newsletter emails) with the feature image on top, or image and teaser only.

All entries are rendered together, so the query count does not grow with them.
"""

from django.template.loader import render_to_string

from core.images import rendition
from core.portable import PortableBodies, absolutize
from core.site import absolute_url


class FeedContent:
    def __init__(self, posts, full):
        self.full = full
        bodies = [(post, post.body) for post in posts] if full else []
        self.renderer = PortableBodies(
            bodies,
            extra_images=[p.feature_image_id for p in posts if p.feature_image_id],
        )
        self.bodies = self.renderer.render()

    def hero(self, post):
        image = self.renderer.image(post.feature_image_id)
        if image is None:
            return None
        photo = rendition(image, "portable_hero")
        return {
            "url": absolute_url(photo.url),
            "width": photo.width,
            "height": photo.height,
            "alt": post.feature_image_alt or image.description,
        }

    def html(self, post, link):
        return absolutize(
            render_to_string(
                "posts/feed_entry.html",
                {
                    "post": post,
                    "link": link,
                    "hero": self.hero(post),
                    "body": self.bodies.get(post.pk) if self.full else None,
                },
            )
        )
