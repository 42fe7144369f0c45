"""A teaser that only repeats the body's opening is not shown twice on the post
page (or in the email); listings still show it."""

import pytest
from bs4 import BeautifulSoup

from django.template.loader import render_to_string

from newsletter.rendering import post_context
from tests.factories import make_post

pytestmark = pytest.mark.django_db

OPENING = (
    "<p>Am Montag war das Büro leer. Alle saßen draußen im Hof, und niemand "
    "vermisste die Besprechung.</p>"
)


def lead_on_page(client, post):
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    lead = soup.select_one(".post__header .lead")
    return lead.text if lead else None


@pytest.mark.parametrize(
    "teaser",
    [
        "Am Montag war das Büro leer.",  # derived: the first sentence
        "Am Montag war das Büro leer. Alle saßen draußen im Hof, und niemand…",
        "Am Montag war das Büro leer. Alle saßen draußen im Hof, und niemand "
        "vermisste die Besprechung.",
    ],
)
def test_teaser_repeating_the_opening_is_left_out_of_the_page(client, blog, teaser):
    post = make_post(blog, "Leeres Büro", teaser=teaser, body=[("paragraph", OPENING)])
    assert lead_on_page(client, post) is None
    listing = client.get(blog.url).content.decode()
    assert teaser in listing


@pytest.mark.parametrize(
    ("teaser", "shown"),
    [
        ("Warum eine ausgefallene Besprechung manchmal die beste ist.", True),
        ("Am Montag war das Büro", False),  # whole words of the opening: repeats
        ("Am Mon", True),  # part of a word: does not repeat the opening
    ],
)
def test_only_a_teaser_of_its_own_stays_above_the_post(client, blog, teaser, shown):
    post = make_post(blog, "Leeres Büro", teaser=teaser, body=[("paragraph", OPENING)])
    assert lead_on_page(client, post) == (teaser if shown else None)


def test_body_opening_with_a_heading_keeps_the_standfirst(client, blog):
    post = make_post(
        blog,
        "Mit Überschrift",
        teaser="Am Montag war das Büro leer.",
        body=[
            ("heading", {"text": "Montag", "level": "h2"}),
            ("paragraph", OPENING),
        ],
    )
    assert lead_on_page(client, post) == "Am Montag war das Büro leer."


def test_email_leaves_out_a_repeating_teaser_but_keeps_it_as_preheader(blog):
    post = make_post(
        blog,
        "Leeres Büro",
        teaser="Am Montag war das Büro leer.",
        body=[("paragraph", OPENING)],
    )
    context = post_context(post, post.title)
    html = render_to_string("emails/newsletter/post.html", context)
    text = render_to_string("emails/newsletter/post.txt", context)
    assert html.count("Am Montag war das Büro leer.") == 2  # preheader and body
    assert text.count("Am Montag war das Büro leer.") == 1
