from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def german_slugify(text):
    """An ASCII slug that reads well in German: "Führung" -> "fuehrung"."""
    return slugify((text or "").translate(GERMAN_TRANSLITERATION))
