"""Deterministic German sample posts for benchmarks and for trying pagination
(`manage.py generate_posts`). Post number n always reads the same, so a re-run
creates exactly what is missing. Everything here is plain data and pure
functions; the command writes it to the database."""

import random
from datetime import date, timedelta

from core.text import german_slugify

# Fifty tags, a few common, most rare (see `tags_for`).
TAGS = [
    "Führung",
    "Kundennähe",
    "Kommunikation",
    "Teamkultur",
    "Markenführung",
    "Strategie",
    "Vertrieb",
    "Feedback",
    "Empathie",
    "Zusammenarbeit",
    "Veränderung",
    "Service",
    "Innovation",
    "Arbeitsalltag",
    "Selbstführung",
    "Unternehmenskultur",
    "Entscheidungen",
    "Moderation",
    "Workshops",
    "Konflikte",
    "Wertschätzung",
    "Verantwortung",
    "Ziele",
    "Besprechungen",
    "Zuhören",
    "Vertrauen",
    "Fehlerkultur",
    "Digitalisierung",
    "Mittelstand",
    "Gründung",
    "Beratung",
    "Produktentwicklung",
    "Kundenservice",
    "Beschwerden",
    "Netzwerk",
    "Weiterbildung",
    "Mentoring",
    "Zeitmanagement",
    "Prioritäten",
    "Remote-Arbeit",
    "Onboarding",
    "Recruiting",
    "Nachhaltigkeit",
    "Sprache",
    "Storytelling",
    "Präsentieren",
    "Verhandeln",
    "Preise",
    "Qualität",
    "Gelassenheit",
]

# Nouns that read the same in every case without an article.
TOPICS = [
    "Vertrauen",
    "Kundennähe",
    "Empathie",
    "Klarheit",
    "Zuhören",
    "Teamarbeit",
    "Veränderung",
    "Markenführung",
    "Verantwortung",
    "Wertschätzung",
    "Gelassenheit",
    "Neugier",
    "Offenheit",
    "Qualität",
    "Geduld",
    "Haltung",
]

TITLES = [
    "Warum {a} kein Luxus ist",
    "Was {a} mit {b} zu tun hat",
    "{a} im Alltag: drei Beobachtungen",
    "Wie {a} im Team wächst",
    "{a} statt Aktionismus",
    "Fünf Fragen zu {a}",
    "Mehr {a}, weniger Lärm",
    "Was ich über {a} gelernt habe",
    "{a} beginnt im Kleinen",
    "Ohne {a} keine {b}",
    "Von {a} und {b}",
    "{a} lässt sich üben",
]

SUBJECTS = [
    "Gute Führung",
    "Ein offenes Gespräch",
    "Das Team",
    "Die Kundin am Telefon",
    "Eine starke Marke",
    "Jede ehrliche Rückmeldung",
    "Ein klares Ziel",
    "Die Geschäftsleitung",
    "Vertrauen",
    "Eine einfache Frage",
    "Der Vertrieb",
    "Eine gute Besprechung",
    "Der erste Eindruck",
    "Ein neues Produkt",
    "Die Abteilung",
    "Eine Entscheidung",
    "Der Kunde",
    "Ein kleiner Fehler",
    "Die Unternehmenskultur",
    "Ein Workshop",
    "Die Einarbeitung",
    "Ein Versprechen",
    "Die Beschwerde",
    "Jede Veränderung",
    "Das Angebot",
    "Eine gute Idee",
    "Der Alltag",
    "Die Zusammenarbeit",
    "Ein Leitbild",
    "Das Gespräch danach",
]

PREDICATES = [
    "beginnt mit einer ehrlichen Frage",
    "braucht mehr Zeit, als man denkt",
    "lebt von kleinen Gesten",
    "entsteht selten am Schreibtisch",
    "scheitert oft an unklaren Erwartungen",
    "wächst, wenn man Raum dafür lässt",
    "zeigt sich in schwierigen Momenten",
    "verändert mehr als jede Präsentation",
    "wirkt erst durch Wiederholung",
    "kostet weniger als ein verlorener Auftrag",
    "macht Unterschiede sichtbar",
    "hängt an der Haltung der Beteiligten",
    "wird im Alltag gern unterschätzt",
    "gelingt leichter mit einem klaren Rahmen",
    "ist kein Projekt mit Enddatum",
    "sagt viel über die Werte eines Hauses",
    "braucht Menschen, die zuhören",
    "lässt sich nicht verordnen",
    "verdient eine zweite Chance",
    "wird erst im Rückblick verständlich",
    "schafft Orientierung für alle",
    "steht und fällt mit der Vorbereitung",
    "überzeugt durch Verlässlichkeit",
    "fordert Mut zur Lücke",
    "entlastet alle, die mitdenken",
    "bleibt länger im Gedächtnis als jede Werbung",
    "folgt selten einem festen Plan",
    "gibt dem Team Sicherheit",
    "spart am Ende viele Umwege",
    "erzählt mehr als jede Statistik",
]

TAILS = [
    "",
    "",
    "",
    " – gerade in unruhigen Zeiten",
    " – und das ist gut so",
    ", auch wenn es anfangs unbequem ist",
    ", jedenfalls nach meiner Erfahrung",
    " im täglichen Miteinander",
    ", wenn man genauer hinschaut",
    " – im Großen wie im Kleinen",
    ", ganz gleich in welcher Branche",
]

OPENERS = [
    "",
    "",
    "",
    "Oft gilt: ",
    "In der Praxis zeigt sich: ",
    "Ehrlich gesagt: ",
    "Man vergisst es leicht, aber ",
    "Ein Beispiel aus einem Projekt: ",
    "Kurz gesagt: ",
]

HEADINGS = [
    "Worum es eigentlich geht",
    "Ein Blick in den Alltag",
    "Was sich bewährt hat",
    "Wo es hakt",
    "Drei kleine Schritte",
    "Was Kundinnen und Kunden merken",
    "Die Rolle der Führung",
    "Ein Gegenbeispiel",
    "Was bleibt",
    "Wie man anfängt",
]

QUOTES = [
    ("Wer fragt, führt das Gespräch.", "Eine alte Verkäuferweisheit"),
    ("Eine Marke ist ein Versprechen, das man jeden Tag hält.", "Aus einem Workshop"),
    ("Zuhören ist die höflichste Form von Neugier.", "Eine Teilnehmerin"),
    ("Wir lernen mehr aus Beschwerden als aus Lob.", "Ein Serviceleiter"),
]

CALLOUTS = [
    (
        "tip",
        "Kurz gesagt",
        "Fragen Sie diese Woche drei Kunden, was sie zuletzt geärgert hat.",
    ),
    ("info", "Zum Mitnehmen", "Eine klare Absprache spart später lange Diskussionen."),
    (
        "tip",
        "Zum Ausprobieren",
        "Beginnen Sie die nächste Besprechung mit fünf Minuten Zuhören.",
    ),
]

# Newest generated post; each further number is one day older.
NEWEST = date(2026, 1, 15)


def _sentence(rng):
    opener = rng.choice(OPENERS)
    subject = rng.choice(SUBJECTS)
    if opener and not opener.endswith(": "):
        subject = subject[0].lower() + subject[1:]
    return f"{opener}{subject} {rng.choice(PREDICATES)}{rng.choice(TAILS)}."


def _paragraph(rng, sentences):
    text = " ".join(_sentence(rng) for _ in range(sentences))
    if rng.random() < 0.2:
        # Some emphasis, as editors write it.
        first, _, rest = text.partition(" ")
        text = f"<b>{first}</b> {rest}"
    return f"<p>{text}</p>"


def _list(rng):
    items = "".join(f"<li>{_sentence(rng)}</li>" for _ in range(rng.randint(3, 5)))
    return f"<ul>{items}</ul>"


def tags_for(rng):
    """Two to four tags; low numbers far more often (a realistic long tail)."""
    count = rng.randint(2, 4)
    chosen = set()
    while len(chosen) < count:
        chosen.add(TAGS[min(int(rng.paretovariate(1.2)) - 1, len(TAGS) - 1)])
        if len(chosen) < count and rng.random() < 0.5:
            chosen.add(rng.choice(TAGS))
    return sorted(chosen)


def sample_post(number, image_count):
    """Everything post `number` consists of, as plain values; body images are
    given as ("image", index) so the caller can put in its image objects."""
    rng = random.Random(f"feder-sample-{number}")
    a, b = rng.sample(TOPICS, 2)
    title = rng.choice(TITLES).format(a=a, b=b)
    body = [("paragraph", _paragraph(rng, rng.randint(3, 5)))]
    for section in rng.sample(HEADINGS, rng.randint(2, 4)):
        body.append(("heading", {"text": section, "level": "h2"}))
        for _ in range(rng.randint(1, 3)):
            body.append(("paragraph", _paragraph(rng, rng.randint(3, 6))))
        roll = rng.random()
        if roll < 0.15:
            text, attribution = rng.choice(QUOTES)
            body.append(("quote", {"text": text, "attribution": attribution}))
        elif roll < 0.25:
            tone, heading, text = rng.choice(CALLOUTS)
            body.append(
                ("callout", {"tone": tone, "title": heading, "text": f"<p>{text}</p>"})
            )
        elif roll < 0.35:
            body.append(("paragraph", _list(rng)))
        elif roll < 0.45 and image_count:
            body.append(("image", rng.randrange(image_count)))
    teaser = _sentence(rng) + " " + _sentence(rng)
    return {
        "title": title,
        "slug": f"{german_slugify(title)}-{number}",
        "date": NEWEST - timedelta(days=number - 1),
        "teaser": teaser[:300],
        "tags": tags_for(rng),
        "feature_image": (
            rng.randrange(image_count) if image_count and rng.random() < 0.7 else None
        ),
        "body": body,
    }
