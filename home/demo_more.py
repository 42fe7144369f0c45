"""Weitere, kürzere Demo-Artikel (reine Daten): genug für mehrere Seiten im
Blog, von zwei Autoren, teils mit, teils ohne Titelbild."""

SECOND_AUTHOR_NAME = "Lea Brandt"
SECOND_AUTHOR_BIO = (
    "Lea Brandt arbeitet seit fünfzehn Jahren in Markenteams, zuerst in einer Agentur, "
    "heute für mittelständische Unternehmen. Sie schreibt hier über Marketing, das "
    "ohne Übertreibung auskommt, und über Marken, die man an ihrem Verhalten erkennt."
)

# The one tag with a description on its page (set when the tag has none yet).
TAG_DESCRIPTIONS = {
    "Leadership": (
        "Führung im Alltag: wie Vertrauen entsteht, warum gute Fragen mehr bewegen "
        "als schnelle Antworten und was Teams wirklich von ihrer Führung brauchen."
    ),
}

# The post the home page shows first.
FEATURED_SLUG = "empathie-ist-kein-soft-skill"

# Realistic credit lines for the generated pictures (agencies and names invented).
CREDITS = [
    "Bild: Marie Schulte / Lichtwerk Studio",
    "Bild: Tobias Reinhardt / Bildagentur Weitsicht",
    "Bild: Aylin Demir",
    "Bild: Jonas Berger / Atelier Weitblick",
    "Bild: Hanna Vogt / Nordkante Fotografie",
    "Bild: Studio Feldlinie",
]


def _post(
    slug,
    title,
    date,
    tags,
    teaser,
    paragraphs,
    *,
    heading=None,
    image=None,
    author=None,
):
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs[:2]]
    if heading:
        body.append(("heading", {"text": heading, "level": "h2"}))
    body += [("paragraph", f"<p>{text}</p>") for text in paragraphs[2:]]
    post = {
        "slug": slug,
        "title": title,
        "date": date,
        "tags": tags,
        "teaser": teaser,
        "body": body,
    }
    if image:
        kind, alt = image
        post["image"] = {"title": f"{title} – Titelbild", "kind": kind, "alt": alt}
    if author:
        post["author"] = author
    return post


POSTS = [
    _post(
        "zuhoeren-lernen",
        "Zuhören lässt sich lernen",
        "2024-03-05",
        ["Leadership"],
        "Wer führt, redet viel. Warum das Zuhören trotzdem die wichtigere Fähigkeit "
        "ist – und wie man sie übt.",
        [
            "In fast jedem Gespräch gibt es einen Moment, in dem man innerlich schon die "
            "eigene Antwort formuliert. Ab da hört man nicht mehr zu, man wartet nur noch.",
            "Gute Führungskräfte merken diesen Moment. Sie lassen eine Pause entstehen, "
            "fragen nach und wiederholen in eigenen Worten, was sie verstanden haben.",
            "Das kostet ein paar Sekunden und spart oft Wochen. Denn Missverständnisse, "
            "die im Gespräch geklärt werden, landen nie im Projektplan.",
            "Mein Vorschlag für diese Woche: In jedem Meeting eine Frage mehr stellen, "
            "als man eigentlich wollte. Und die Antwort ausreden lassen.",
        ],
        heading="Die Pause aushalten",
        image=(
            "hills",
            "Illustration: Hügelketten in der Abenddämmerung, darüber eine tief stehende Sonne.",
        ),
    ),
    _post(
        "marken-im-kleinen",
        "Marken entstehen im Kleinen",
        "2024-04-18",
        ["Branding"],
        "Eine Marke zeigt sich selten in der Kampagne. Sie zeigt sich in der Rechnung, "
        "im Wartezimmer und in der Abwesenheitsnotiz.",
        [
            "Wir verbringen viel Zeit mit Logos, Farben und Leitsätzen. Die meisten "
            "Menschen erleben eine Marke aber an ganz anderen Stellen.",
            "Wie klingt die automatische Antwort auf eine Anfrage? Wie freundlich ist die "
            "Mahnung formuliert? Wie lange dauert es, bis jemand zurückruft?",
            "Diese kleinen Momente sind ehrlicher als jede Anzeige. Sie zeigen, was ein "
            "Unternehmen tut, wenn es nicht auf der Bühne steht.",
            "Wer an seiner Marke arbeiten will, sollte deshalb mit einer Liste aller "
            "Berührungspunkte anfangen – und mit dem unscheinbarsten beginnen.",
        ],
        author="lea",
    ),
    _post(
        "purpose-im-vorstellungsgespraech",
        "Purpose im Vorstellungsgespräch",
        "2024-05-29",
        ["Purpose", "Leadership"],
        "Bewerberinnen fragen immer öfter nach dem Warum. Was eine ehrliche Antwort "
        "ausmacht und was sie verdirbt.",
        [
            "Früher ging es im Vorstellungsgespräch vor allem um Gehalt, Aufgaben und "
            "Aufstiegschancen. Heute kommt fast immer eine weitere Frage dazu: Wofür steht "
            "ihr eigentlich?",
            "Eine auswendig gelernte Mission hilft da wenig. Überzeugend ist, wer ein "
            "konkretes Beispiel erzählen kann, in dem das Unternehmen zu seinem Wort stand.",
            "Genauso wichtig ist, Grenzen zuzugeben. Kein Unternehmen ist in allem "
            "vorbildlich, und Bewerber merken schnell, wenn etwas geschönt ist.",
        ],
        heading="Beispiele statt Parolen",
    ),
    _post(
        "leise-kampagnen",
        "Warum leise Kampagnen länger wirken",
        "2024-07-02",
        ["Marketing"],
        "Laut ist schnell vergessen. Über Kampagnen, die sich Zeit lassen und gerade "
        "deshalb im Gedächtnis bleiben.",
        [
            "Viele Kampagnen setzen auf den großen Knall: viel Budget in wenigen Wochen, "
            "danach Stille. Die Aufmerksamkeit ist kurz da und genauso schnell wieder weg.",
            "Leise Kampagnen arbeiten anders. Sie wiederholen eine einfache Botschaft über "
            "Monate, in vielen kleinen Formen, und bauen so Vertrautheit auf.",
            "Das ist weniger spektakulär, aber es passt zu der Art, wie Menschen "
            "Entscheidungen treffen: selten spontan, meistens nach längerem Hinsehen.",
            "Die schwierigste Disziplin dabei ist Geduld. Und die Bereitschaft, nicht nach "
            "zwei Wochen alles umzuwerfen, weil die Zahlen noch nicht glänzen.",
        ],
        image=(
            "lake",
            "Illustration: ein stiller See, in dem sich grüne Berge spiegeln.",
        ),
        author="lea",
    ),
    _post(
        "feedback-ohne-sandwich",
        "Feedback ohne Sandwich",
        "2024-08-20",
        ["Leadership"],
        "Lob, Kritik, Lob – die bekannte Methode ist gut gemeint. Warum sie trotzdem "
        "oft nicht funktioniert.",
        [
            "Das Feedback-Sandwich soll Kritik erträglicher machen. In der Praxis hören "
            "viele Menschen nur noch die Mitte und halten das Lob für Verpackung.",
            "Klarer ist es, Lob und Kritik zu trennen. Lob, wenn etwas gut war, sofort und "
            "konkret. Kritik in einem eigenen Gespräch, ruhig und ebenso konkret.",
            "So bleibt beides glaubwürdig. Und niemand muss nach jedem Kompliment auf das "
            "Aber warten.",
        ],
    ),
    _post(
        "kundenreise-zu-fuss",
        "Die Kundenreise zu Fuß gehen",
        "2024-09-24",
        ["Marketing", "Purpose"],
        "Journey Maps sind nützlich. Noch nützlicher ist es, die Reise selbst zu "
        "machen – als ganz normaler Kunde.",
        [
            "Kaum ein Workshop kommt heute ohne Kundenreise aus. Auf großen Plakaten "
            "entstehen Phasen, Touchpoints und Emotionskurven.",
            "Das Bild an der Wand ist aber immer eine Vermutung. Wirklich lernt man erst, "
            "wenn man selbst bestellt, anruft, reklamiert und auf eine Antwort wartet.",
            "Ein Vormittag als eigener Kunde reicht oft, um drei Dinge zu finden, die "
            "sofort besser werden können. Meistens sind es Kleinigkeiten.",
        ],
        heading="Ein Vormittag als Kunde",
        image=(
            "city",
            "Illustration: Hochhäuser einer Stadt mit erleuchteten Fenstern in der Dämmerung.",
        ),
    ),
    _post(
        "markenwerte-pruefen",
        "Drei Fragen an die eigenen Markenwerte",
        "2024-11-12",
        ["Branding", "Purpose"],
        "Innovativ, kundennah, verlässlich: Viele Markenwerte klingen gleich. Drei "
        "Fragen helfen, die eigenen zu schärfen.",
        [
            "Erstens: Würde ein Wettbewerber das Gegenteil behaupten? Niemand nennt sich "
            "unzuverlässig. Ein Wert, der kein Gegenteil hat, unterscheidet nicht.",
            "Zweitens: Wann hat dieser Wert zuletzt eine Entscheidung verändert? Wenn "
            "niemandem ein Beispiel einfällt, steht er nur auf dem Papier.",
            "Drittens: Was kostet er uns? Echte Werte haben einen Preis, zum Beispiel "
            "einen Auftrag, den man ablehnt, weil er nicht passt.",
        ],
        author="lea",
    ),
    _post(
        "ruhige-meetings",
        "Ruhigere Meetings, bessere Entscheidungen",
        "2025-01-14",
        ["Leadership"],
        "Wer am lautesten spricht, gewinnt oft die Diskussion. Ein paar einfache "
        "Regeln, die das ändern.",
        [
            "In vielen Besprechungen entscheidet nicht das beste Argument, sondern die "
            "größte Ausdauer. Stillere Kolleginnen kommen kaum zu Wort.",
            "Hilfreich ist, Meinungen zuerst schriftlich zu sammeln, bevor diskutiert wird. "
            "So hört man alle Stimmen, bevor sich eine Richtung verfestigt.",
            "Eine zweite Regel: Wer ein Meeting leitet, sagt die eigene Meinung zuletzt. "
            "Sonst richten sich alle danach, ob sie wollen oder nicht.",
        ],
        image=(
            "hills",
            "Illustration: bewaldete Hügel unter einem klaren Morgenhimmel.",
        ),
    ),
    _post(
        "newsletter-die-man-liest",
        "Newsletter, die man gern liest",
        "2025-02-25",
        ["Marketing"],
        "Die meisten Newsletter landen ungelesen im Archiv. Was die wenigen anders "
        "machen, auf die man sich freut.",
        [
            "Ein guter Newsletter fühlt sich an wie ein Brief, nicht wie ein Prospekt. Er "
            "hat eine Absenderin, einen Ton und einen Grund, genau jetzt zu erscheinen.",
            "Er ist kürzer, als man denkt. Ein Gedanke, gut erklärt, wirkt stärker als "
            "zehn Links, die niemand anklickt.",
            "Und er respektiert die Zeit der Leser: kein Versteckspiel beim Abbestellen, "
            "keine Tricks in der Betreffzeile.",
        ],
        heading="Ein Gedanke pro Ausgabe",
        author="lea",
    ),
    _post(
        "fehlerkultur-beginnt-oben",
        "Fehlerkultur beginnt oben",
        "2025-04-08",
        ["Leadership", "Purpose"],
        "Alle wollen eine offene Fehlerkultur. Sie entsteht aber erst, wenn die "
        "Führung eigene Fehler zugibt.",
        [
            "Plakate mit dem Satz „Fehler sind erlaubt“ gibt es viele. Geglaubt wird er "
            "erst, wenn jemand aus der Führung öffentlich sagt: Da habe ich mich geirrt.",
            "Solche Momente sind unbequem, aber sie wirken weit über den Anlass hinaus. "
            "Sie zeigen, dass ein Fehler keine Karriere beendet.",
            "Wichtig ist, dabei nicht stehen zu bleiben. Ein zugegebener Fehler wird erst "
            "wertvoll, wenn alle sehen, was daraus gelernt wurde.",
        ],
        image=(
            "lake",
            "Illustration: Bergsee bei Sonnenuntergang mit rötlichem Himmel.",
        ),
    ),
    _post(
        "logo-ist-nicht-die-marke",
        "Das Logo ist nicht die Marke",
        "2025-05-20",
        ["Branding"],
        "Ein neues Logo ist schnell beschlossen. Warum es selten das Problem löst, für "
        "das es gedacht war.",
        [
            "Wenn eine Marke müde wirkt, ist der erste Reflex oft ein neues Logo. Das ist "
            "sichtbar, schnell zu entscheiden und gut zu präsentieren.",
            "Doch wenn Kundinnen unzufrieden sind, liegt es selten an der Schriftart. Meist "
            "stimmt etwas an der Leistung, am Service oder an den Versprechen nicht.",
            "Ein neues Logo auf einem alten Problem macht die Lücke nur größer. Erst die "
            "Substanz, dann die Oberfläche.",
        ],
        author="lea",
    ),
    _post(
        "sinn-im-alltag",
        "Sinn im Alltag statt im Leitbild",
        "2025-06-17",
        ["Purpose"],
        "Mitarbeitende finden Sinn selten im Leitbild. Sie finden ihn in einem Dank, "
        "einem Ergebnis, einem Kunden, dem geholfen wurde.",
        [
            "Leitbilder beschreiben einen großen Sinn. Im Arbeitsalltag zählt aber oft der "
            "kleine: das Gefühl, heute etwas bewirkt zu haben.",
            "Führung kann diesen Sinn sichtbar machen, indem sie Ergebnisse zurückspielt. "
            "Was ist aus dem Projekt geworden? Wem hat die Lösung geholfen?",
            "Solche Rückmeldungen kosten wenig und bleiben lange im Kopf. Sie verbinden die "
            "eigene Arbeit mit dem, wofür das Unternehmen steht.",
        ],
        heading="Ergebnisse zurückspielen",
        image=(
            "hills",
            "Illustration: lilafarbene Berge im Abendlicht, davor dunkle Tannen.",
        ),
    ),
    _post(
        "marketing-und-vertrieb",
        "Wenn Marketing und Vertrieb sich zuhören",
        "2025-07-29",
        ["Marketing", "Leadership"],
        "Marketing klagt über den Vertrieb, der Vertrieb über das Marketing. Dabei "
        "hätten beide so viel voneinander zu lernen.",
        [
            "Der Vertrieb spricht jeden Tag mit Kunden. Das Marketing sieht Muster in "
            "Zahlen. Zusammen ergibt das ein ziemlich vollständiges Bild.",
            "Oft bleibt es trotzdem bei gegenseitigen Vorwürfen. Die Leads taugen nichts, "
            "heißt es auf der einen Seite, die Kampagnen seien an der Realität vorbei, auf "
            "der anderen.",
            "Ein fester Termin im Monat, an dem beide Seiten je drei Beobachtungen "
            "mitbringen, wirkt oft Wunder. Zuhören ist auch hier der Anfang.",
        ],
        author="lea",
    ),
    _post(
        "geduld-als-strategie",
        "Geduld als Strategie",
        "2025-08-19",
        ["Branding", "Leadership"],
        "Quartalszahlen belohnen Tempo. Starke Marken und gute Teams entstehen "
        "trotzdem langsam.",
        [
            "Vieles, was in Unternehmen wirklich zählt, wächst langsam: Vertrauen, ein "
            "guter Ruf, ein eingespieltes Team.",
            "Wer jedes Quartal die Richtung ändert, zerstört genau diese Dinge, bevor sie "
            "sich entwickeln können.",
            "Geduld heißt nicht Stillstand. Es heißt, an den richtigen Stellen beständig "
            "zu bleiben und an den anderen mutig zu experimentieren.",
        ],
        image=(
            "city",
            "Illustration: Stadtsilhouette vor einem lavendelfarbenen Abendhimmel.",
        ),
    ),
    _post(
        "ehrliche-produkttexte",
        "Ehrliche Produkttexte",
        "2025-08-28",
        ["Marketing", "Branding"],
        "„Revolutionär“, „einzigartig“, „innovativ“: Warum weniger Superlative mehr "
        "Vertrauen schaffen.",
        [
            "Produkttexte übertreiben gern. Jedes Gerät ist revolutionär, jede Software "
            "einzigartig. Leser haben gelernt, darüber hinwegzulesen.",
            "Ehrliche Texte sagen, was ein Produkt kann und für wen es gedacht ist. Und "
            "manchmal auch, für wen nicht.",
            "Das wirkt auf den ersten Blick weniger verkaufsstark. Auf den zweiten schafft "
            "es genau das Vertrauen, das eine Kaufentscheidung braucht.",
        ],
        author="lea",
    ),
    _post(
        "ein-jahr-bloggen",
        "Was ich aus einem Jahr Bloggen gelernt habe",
        "2026-11-24",
        ["Purpose"],
        "Ein Jahr, viele Artikel und noch mehr Rückmeldungen. Ein kurzer Rückblick und "
        "ein Dankeschön an alle, die mitlesen.",
        [
            "Als ich mit diesem Blog angefangen habe, wusste ich nicht, ob ihn überhaupt "
            "jemand liest. Inzwischen bekomme ich jede Woche Antworten auf meine Texte.",
            "Am meisten gelernt habe ich aus den Widersprüchen. Die Mails, die mit „Ich "
            "sehe das anders“ anfangen, sind fast immer die besten.",
            "Danke fürs Lesen, Weiterempfehlen und Widersprechen. Im nächsten Jahr geht "
            "es weiter – mit ein paar neuen Themen und hoffentlich vielen Gesprächen.",
        ],
        image=("lake", "Illustration: ruhiger See am Morgen, Nebel über den Bergen."),
    ),
]
