"""Shareable preview links: show a page's newest draft to people without an account."""

# robots.txt must disallow this prefix (the responses also carry X-Robots-Tag).
PREVIEW_PATH_PREFIX = "/vorschau/"
