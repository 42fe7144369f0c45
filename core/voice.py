"""The site's voice: how it addresses readers (du or Sie) and who speaks (ich or wir).

Every reader-facing sentence that depends on either choice lives in TEXTS, once,
with one variant per form it depends on. The editor picks the forms in the site
settings; templates ask with {% say "key" %} (core/templatetags/voice_tags.py),
Python with `voice.text("key")`. Texts that need no pronoun at all are written
neutrally where they are used and do not appear here.

A variant is chosen by the most specific key present: "du+ich", then "du", then
"ich", then "" (the same for every form).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Address(models.TextChoices):
    DU = "du", _("du (persönlich)")
    SIE = "sie", _("Sie (förmlich)")


class Sender(models.TextChoices):
    ICH = "ich", _("ich (eine Person schreibt)")
    WIR = "wir", _("wir (ein Team schreibt)")


TEXTS = {
    # --- subscribe box, page and the answers to a sign-up
    "subscribe_intro": {
        "du+ich": "Wenn ich etwas Neues schreibe, bekommst du eine kurze E-Mail mit "
        "Titel, Anreißer und Link – mehr nicht. Kein Spam, keine Weitergabe, mit "
        "einem Klick abbestellbar.",
        "du+wir": "Wenn wir etwas Neues veröffentlichen, bekommst du eine kurze "
        "E-Mail mit Titel, Anreißer und Link – mehr nicht. Kein Spam, keine "
        "Weitergabe, mit einem Klick abbestellbar.",
        "sie+ich": "Wenn ich etwas Neues schreibe, bekommen Sie eine kurze E-Mail mit "
        "Titel, Anreißer und Link – mehr nicht. Kein Spam, keine Weitergabe, mit "
        "einem Klick abbestellbar.",
        "sie+wir": "Wenn wir etwas Neues veröffentlichen, bekommen Sie eine kurze "
        "E-Mail mit Titel, Anreißer und Link – mehr nicht. Kein Spam, keine "
        "Weitergabe, mit einem Klick abbestellbar.",
    },
    "success_heading": {"": "Fast geschafft! 📬"},
    "success_message": {
        "du+ich": "Ich habe dir gerade eine E-Mail geschickt. Klick auf den Link "
        "darin, dann bist du dabei und landest direkt wieder im Blog. Nichts "
        "angekommen? Schau bitte auch im Spam-Ordner nach.",
        "du+wir": "Wir haben dir gerade eine E-Mail geschickt. Klick auf den Link "
        "darin, dann bist du dabei und landest direkt wieder im Blog. Nichts "
        "angekommen? Schau bitte auch im Spam-Ordner nach.",
        "sie+ich": "Ich habe Ihnen gerade eine E-Mail geschickt. Klicken Sie auf den "
        "Link darin, dann sind Sie dabei und landen direkt wieder im Blog. Nichts "
        "angekommen? Schauen Sie bitte auch im Spam-Ordner nach.",
        "sie+wir": "Wir haben Ihnen gerade eine E-Mail geschickt. Klicken Sie auf den "
        "Link darin, dann sind Sie dabei und landen direkt wieder im Blog. Nichts "
        "angekommen? Schauen Sie bitte auch im Spam-Ordner nach.",
    },
    "error_heading": {"": "Ups."},
    "error_message": {
        "du": "Da scheint etwas schiefgelaufen zu sein. Prüf bitte deine Angaben "
        "und versuch es noch einmal.",
        "sie": "Da scheint etwas schiefgelaufen zu sein. Bitte prüfen Sie Ihre "
        "Angaben und versuchen Sie es noch einmal.",
    },
    "too_many": {
        "du": "Zu viele Versuche. Versuch es bitte in einer Stunde noch einmal.",
        "sie": "Zu viele Versuche. Bitte versuchen Sie es in einer Stunde noch einmal.",
    },
    "network_error": {
        "du": "Das Formular ließ sich gerade nicht senden. Prüf bitte deine "
        "Verbindung und versuch es noch einmal.",
        "sie": "Das Formular ließ sich gerade nicht senden. Bitte prüfen Sie Ihre "
        "Verbindung und versuchen Sie es noch einmal.",
    },
    "thanks": {
        "du+ich": "Danke, du bist dabei! Ab jetzt schicke ich dir neue Artikel per E-Mail.",
        "du+wir": "Danke, du bist dabei! Ab jetzt schicken wir dir neue Artikel per E-Mail.",
        "sie+ich": "Danke, Sie sind dabei! Ab jetzt schicke ich Ihnen neue Artikel "
        "per E-Mail.",
        "sie+wir": "Danke, Sie sind dabei! Ab jetzt schicken wir Ihnen neue Artikel "
        "per E-Mail.",
    },
    # --- the pages behind the links in the emails
    "pending_title": {
        "du": "Bitte bestätige deine Anmeldung",
        "sie": "Bitte bestätigen Sie Ihre Anmeldung",
    },
    "confirm_text": {
        "du": "Nur noch ein Klick: Bestätige, dass du neue Artikel per E-Mail "
        "bekommen möchtest.",
        "sie": "Nur noch ein Klick: Bestätigen Sie, dass Sie neue Artikel per E-Mail "
        "bekommen möchten.",
    },
    "confirm_note": {
        "du+ich": "Du hast dich gar nicht angemeldet? Dann ignorier die E-Mail "
        "einfach; ohne Bestätigung schicke ich dir nichts weiter.",
        "du+wir": "Du hast dich gar nicht angemeldet? Dann ignorier die E-Mail "
        "einfach; ohne Bestätigung schicken wir dir nichts weiter.",
        "sie+ich": "Sie haben sich gar nicht angemeldet? Dann ignorieren Sie die "
        "E-Mail einfach; ohne Bestätigung schicke ich Ihnen nichts weiter.",
        "sie+wir": "Sie haben sich gar nicht angemeldet? Dann ignorieren Sie die "
        "E-Mail einfach; ohne Bestätigung schicken wir Ihnen nichts weiter.",
    },
    "already_confirmed": {
        "du": "Deine Anmeldung ist schon bestätigt. Neue Artikel kommen per E-Mail "
        "zu dir.",
        "sie": "Ihre Anmeldung ist schon bestätigt. Neue Artikel kommen per E-Mail "
        "zu Ihnen.",
    },
    "expired_text": {
        "du+ich": "Bestätigungslinks gelten aus Sicherheitsgründen nur {hours} "
        "Stunden. Kein Problem: Ich schicke dir gern einen neuen.",
        "du+wir": "Bestätigungslinks gelten aus Sicherheitsgründen nur {hours} "
        "Stunden. Kein Problem: Wir schicken dir gern einen neuen.",
        "sie+ich": "Bestätigungslinks gelten aus Sicherheitsgründen nur {hours} "
        "Stunden. Kein Problem: Ich schicke Ihnen gern einen neuen.",
        "sie+wir": "Bestätigungslinks gelten aus Sicherheitsgründen nur {hours} "
        "Stunden. Kein Problem: Wir schicken Ihnen gern einen neuen.",
    },
    "invalid_link": {
        "du": "Der Link ist unvollständig, wurde schon benutzt oder gehört zu einer "
        "zurückgezogenen Anmeldung. Kopier ihn bitte vollständig aus der E-Mail – "
        "oder melde dich einfach neu an.",
        "sie": "Der Link ist unvollständig, wurde schon benutzt oder gehört zu einer "
        "zurückgezogenen Anmeldung. Bitte kopieren Sie ihn vollständig aus der "
        "E-Mail – oder melden Sie sich einfach neu an.",
    },
    "try_in_an_hour": {
        "du": "Versuch es bitte in einer Stunde noch einmal.",
        "sie": "Bitte versuchen Sie es in einer Stunde noch einmal.",
    },
    "new_link_sent": {
        "du": "Wenn deine Anmeldung noch auf die Bestätigung wartet, ist ein neuer "
        "Link unterwegs. Schau bitte auch im Spam-Ordner nach. Kommt mehrmals "
        "nichts an, versuch es bitte morgen noch einmal.",
        "sie": "Wenn Ihre Anmeldung noch auf die Bestätigung wartet, ist ein neuer "
        "Link unterwegs. Schauen Sie bitte auch im Spam-Ordner nach. Kommt mehrmals "
        "nichts an, versuchen Sie es bitte morgen noch einmal.",
    },
    "unsubscribed_heading": {"du": "Du bist abgemeldet", "sie": "Sie sind abgemeldet"},
    "unsubscribed_text": {
        "du+ich": "Von mir kommen keine E-Mails mehr. Schade, dass du gehst – danke "
        "fürs Lesen!",
        "du+wir": "Von uns kommen keine E-Mails mehr. Schade, dass du gehst – danke "
        "fürs Lesen!",
        "sie+ich": "Von mir kommen keine E-Mails mehr. Schade, dass Sie gehen – danke "
        "fürs Lesen!",
        "sie+wir": "Von uns kommen keine E-Mails mehr. Schade, dass Sie gehen – danke "
        "fürs Lesen!",
    },
    "resubscribe": {
        "du": "Hier kannst du dich wieder anmelden.",
        "sie": "Hier können Sie sich wieder anmelden.",
    },
    "unsubscribe_question": {
        "du": "Möchtest du keine E-Mails mehr über neue Artikel bekommen?",
        "sie": "Möchten Sie keine E-Mails mehr über neue Artikel bekommen?",
    },
    "one_click_done": {"du": "Du bist abgemeldet.", "sie": "Sie sind abgemeldet."},
    # --- emails
    "confirm_subject": {
        "du": "Bitte bestätige deine Anmeldung bei {site}",
        "sie": "Bitte bestätigen Sie Ihre Anmeldung bei {site}",
    },
    "confirm_email_intro": {
        "du": "Du (oder jemand mit deiner E-Mail-Adresse) möchtest neue Artikel von "
        "{site} per E-Mail bekommen. Bitte bestätige das:",
        "sie": "Sie (oder jemand mit Ihrer E-Mail-Adresse) möchten neue Artikel von "
        "{site} per E-Mail bekommen. Bitte bestätigen Sie das:",
    },
    "confirm_email_fallback": {
        "du": "Der Link gilt {hours} Stunden. Falls der Knopf nicht funktioniert, "
        "kopier diese Adresse in deinen Browser:",
        "sie": "Der Link gilt {hours} Stunden. Falls der Knopf nicht funktioniert, "
        "kopieren Sie diese Adresse in Ihren Browser:",
    },
    "confirm_email_steps": {
        "du": "Der Link gilt {hours} Stunden. Auf der Seite klickst du auf "
        "„Anmeldung bestätigen“ – erst dann ist die Anmeldung gültig.",
        "sie": "Der Link gilt {hours} Stunden. Auf der Seite klicken Sie auf "
        "„Anmeldung bestätigen“ – erst dann ist die Anmeldung gültig.",
    },
    "confirm_email_ignore": {
        "du+ich": "Du hast dich gar nicht angemeldet? Dann ignorier diese E-Mail "
        "einfach. Ohne Bestätigung schicke ich dir nichts weiter.",
        "du+wir": "Du hast dich gar nicht angemeldet? Dann ignorier diese E-Mail "
        "einfach. Ohne Bestätigung schicken wir dir nichts weiter.",
        "sie+ich": "Sie haben sich gar nicht angemeldet? Dann ignorieren Sie diese "
        "E-Mail einfach. Ohne Bestätigung schicke ich Ihnen nichts weiter.",
        "sie+wir": "Sie haben sich gar nicht angemeldet? Dann ignorieren Sie diese "
        "E-Mail einfach. Ohne Bestätigung schicken wir Ihnen nichts weiter.",
    },
    "signoff": {"du": "Liebe Grüße", "sie": "Viele Grüße"},
    "newsletter_reason": {
        "du": "Du bekommst diese E-Mail, weil du neue Artikel von {site} abonniert hast.",
        "sie": "Sie bekommen diese E-Mail, weil Sie neue Artikel von {site} "
        "abonniert haben.",
    },
    # --- posts, search, errors, previews
    "video_notice": {
        "du": "Beim Abspielen lädt {provider} das Video und erhält dabei deine "
        "IP-Adresse.",
        "sie": "Beim Abspielen lädt {provider} das Video und erhält dabei Ihre "
        "IP-Adresse.",
    },
    "related_heading": {
        "du": "Das könnte dich auch interessieren",
        "sie": "Das könnte Sie auch interessieren",
    },
    "mastodon_prompt": {
        "du": "Auf welcher Mastodon-Instanz bist du? (zum Beispiel mastodon.social)",
        "sie": "Auf welcher Mastodon-Instanz sind Sie? (zum Beispiel mastodon.social)",
    },
    "search_prompt": {
        "du": "Wonach suchst du? Die Suche durchsucht Titel, Anreißer, Text und "
        "Schlagwörter aller Artikel.",
        "sie": "Wonach suchen Sie? Die Suche durchsucht Titel, Anreißer, Text und "
        "Schlagwörter aller Artikel.",
    },
    "search_invalid": {
        "du": "Gib bitte einen Suchbegriff aus Buchstaben oder Ziffern ein.",
        "sie": "Bitte geben Sie einen Suchbegriff aus Buchstaben oder Ziffern ein.",
    },
    "search_none": {
        "du": "Keine Artikel gefunden für „{query}“. Versuch es mit einem anderen "
        "oder kürzeren Begriff.",
        "sie": "Keine Artikel gefunden für „{query}“. Versuchen Sie es mit einem "
        "anderen oder kürzeren Begriff.",
    },
    "not_found": {
        "du": "Diese Seite gibt es nicht (mehr). Vielleicht hat sich ein Tippfehler "
        "in die Adresse geschlichen, oder der Artikel ist umgezogen. Die Suche oben "
        "hilft dir weiter.",
        "sie": "Diese Seite gibt es nicht (mehr). Vielleicht hat sich ein Tippfehler "
        "in die Adresse geschlichen, oder der Artikel ist umgezogen. Die Suche oben "
        "hilft Ihnen weiter.",
    },
    "server_error": {
        "du+ich": "Hier ist gerade ein technischer Fehler passiert. Ich kümmere mich "
        "darum – versuch es bitte in ein paar Minuten noch einmal.",
        "du+wir": "Hier ist gerade ein technischer Fehler passiert. Wir kümmern uns "
        "darum – versuch es bitte in ein paar Minuten noch einmal.",
        "sie+ich": "Hier ist gerade ein technischer Fehler passiert. Ich kümmere mich "
        "darum – bitte versuchen Sie es in ein paar Minuten noch einmal.",
        "sie+wir": "Hier ist gerade ein technischer Fehler passiert. Wir kümmern uns "
        "darum – bitte versuchen Sie es in ein paar Minuten noch einmal.",
    },
    "preview_invalid": {
        "du": "Vorschau-Links laufen nach einiger Zeit ab oder werden zurückgezogen. "
        "Falls du den Entwurf noch lesen sollst, bitte um einen neuen Link.",
        "sie": "Vorschau-Links laufen nach einiger Zeit ab oder werden zurückgezogen. "
        "Falls Sie den Entwurf noch lesen sollen, bitten Sie um einen neuen Link.",
    },
}


@dataclass(frozen=True)
class Voice:
    address: str = Address.SIE
    sender: str = Sender.WIR

    def variant(self, key):
        variants = TEXTS[key]
        for choice in (f"{self.address}+{self.sender}", self.address, self.sender, ""):
            if choice in variants:
                return variants[choice]
        raise KeyError(f"{key}: no variant for {self.address}/{self.sender}")

    def text(self, key, **values):
        text = self.variant(key)
        return text.format(**values) if values else text

    def __getitem__(self, key):
        """{{ voice.key }} in templates, for texts without placeholders."""
        return self.variant(key)


def voice_of(settings):
    """The voice a SiteSettings row chose (the defaults when there is none)."""
    if settings is None:
        return Voice()
    return Voice(settings.address or Address.SIE, settings.sender or Sender.WIR)
