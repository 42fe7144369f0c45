"""What a page type shows the fediverse. A page type opts in by inheriting
FediversePageMixin (and overriding what it has); this app knows no page type."""


class FediversePageMixin:
    """Published pages of this type are sent to the followers as Articles."""

    def fediverse_summary(self):
        return self.search_description

    def fediverse_body(self):
        """The StreamField value sent as the Article's content, or None."""
        return None

    def fediverse_image(self):
        """(image, alt text) attached to the Article, or None."""
        return None

    def fediverse_tags(self):
        """[(name, absolute URL of its listing)] sent as hashtags."""
        return []

    def fediverse_published(self):
        return self.first_published_at
