"""Deutsche Demo-Inhalte für „Mesuts Blog“ (reine Daten, wird vom Loader eingelesen)."""

SITE_NAME = "Mesuts Blog"
TAGLINE = "Über Kundenorientierung, Empathie, starke Marken und gute Führung"
INTRO = (
    "Willkommen in meinem Blog! Hier schreibe ich darüber, wie Unternehmen ihre Kundinnen "
    "und Kunden wirklich verstehen, warum Empathie eine unterschätzte Stärke ist und was "
    "gute Marken und gute Führung miteinander verbindet."
)
AUTHOR_NAME = "Mesut Karaca"
AUTHOR_BIO = (
    "Mesut Karaca begleitet seit vielen Jahren Unternehmen auf dem Weg zu mehr Kundennähe, "
    "klarer Markenführung und einer menschlichen Führungskultur. In seinem Blog teilt er "
    "Beobachtungen aus der Praxis und Gedanken darüber, was Menschen im Geschäftsleben verbindet."
)

# Tags are identified by these exact names (the only tags used):
# "Leadership", "Marketing", "Branding", "Purpose"

POSTS = [
    # ------------------------------------------------------------------ 1
    {
        "slug": "kunden-zuerst-denken",
        "title": "Kunden zuerst denken – aber richtig",
        "date": "2025-09-12",
        "tags": ["Leadership", "Purpose"],
        "teaser": (
            "„Kundenorientierung“ steht in fast jedem Leitbild. Warum sie im Alltag trotzdem "
            "so oft scheitert – und welche drei Gewohnheiten den Unterschied machen."
        ),
        "image": {
            "title": "Kunden zuerst denken – Titelbild",
            "colors": ("#1d3557", "#e9c46a"),
            "alt": "Abstraktes Bild mit einem Farbverlauf von tiefem Dunkelblau zu warmem Gelb und einer runden Form in der Mitte.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Es gibt kaum ein Unternehmen, das nicht von sich behauptet, den Kunden in den "
                    "Mittelpunkt zu stellen. Der Satz steht auf Websites, in Präsentationen und auf den "
                    "Kaffeetassen im Besprechungsraum. Und trotzdem erleben wir als Kundinnen und Kunden "
                    "jeden Tag das Gegenteil: Warteschleifen, Formulare ohne passende Option, Antworten, "
                    "die an der eigentlichen Frage vorbeigehen.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Das liegt selten an bösem Willen. Es liegt daran, dass <i>Kundenorientierung</i> "
                    "oft als Haltung verkündet, aber nicht als Gewohnheit gelebt wird. Eine Haltung ist "
                    "schnell formuliert. Eine Gewohnheit muss man jeden Tag aufs Neue einüben.</p>"
                ),
            ),
            ("heading", {"text": "Was Kundenorientierung nicht ist", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Kunden zuerst zu denken heißt nicht, jeden Wunsch sofort zu erfüllen. Wer allen "
                    "alles verspricht, hält am Ende niemandem sein Wort. Es heißt auch nicht, möglichst "
                    "viele Zufriedenheitsumfragen zu verschicken. Es bedeutet vor allem, die eigene Arbeit "
                    "konsequent aus der Perspektive derer zu betrachten, für die sie gemacht ist.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Kurz gesagt",
                    "text": (
                        "<p>Kundenorientierung beginnt nicht im Kundenservice, sondern bei jeder "
                        "Entscheidung, die später jemand außerhalb des Unternehmens zu spüren bekommt.</p>"
                    ),
                },
            ),
            (
                "heading",
                {
                    "text": "Drei Gewohnheiten, die den Unterschied machen",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                (
                    "<p>In den Teams, mit denen ich gearbeitet habe, waren es selten große Programme, die "
                    "etwas verändert haben. Es waren kleine, oft wiederholte Handlungen:</p>"
                    "<ul>"
                    "<li><b>Selbst Kunde sein:</b> einmal im Monat den eigenen Bestellprozess, die eigene "
                    "Hotline oder das eigene Kontaktformular ausprobieren.</li>"
                    "<li><b>Originaltöne teilen:</b> echte Kundenstimmen in Besprechungen vorlesen, statt "
                    "nur Kennzahlen an die Wand zu werfen.</li>"
                    "<li><b>Den leeren Stuhl mitdenken:</b> bei wichtigen Entscheidungen fragen, was die "
                    "Person sagen würde, die nicht am Tisch sitzt – der Kunde.</li>"
                    "</ul>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Ich wollte gar keine Entschädigung. Ich wollte nur, dass mir einmal jemand "
                        "zuhört, ohne gleich ein Skript abzuspulen."
                    ),
                    "attribution": "Aus einem Kundengespräch",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Keine dieser Gewohnheiten kostet viel Geld. Sie kosten Aufmerksamkeit – und den "
                    "Mut, sich mit unbequemen Eindrücken auseinanderzusetzen. Genau das ist der Kern: Wer "
                    "Kunden zuerst denkt, muss bereit sein, sich selbst infrage zu stellen.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 2
    {
        "slug": "empathie-ist-kein-soft-skill",
        "title": "Empathie ist kein Soft Skill",
        "date": "2025-10-07",
        "tags": ["Leadership", "Purpose"],
        "teaser": (
            "Empathie gilt im Berufsleben oft als nette Zugabe. Dabei ist sie eine harte Kompetenz, "
            "die Entscheidungen besser und Teams belastbarer macht."
        ),
        "image": {
            "title": "Empathie – Titelbild",
            "colors": ("#6d597a", "#f4a261"),
            "alt": "Zwei sich überlappende Kreise in Violett und Orange auf einem sanften Farbverlauf.",
        },
        "body": [
            (
                "paragraph",
                (
                    '<p>Wenn in Unternehmen über <a href="https://de.wikipedia.org/wiki/Empathie">Empathie</a> '
                    "gesprochen wird, landet sie schnell in der Schublade der „weichen“ Fähigkeiten. Gemeint "
                    "ist: schön, wenn man sie hat, aber nicht entscheidend. Ich halte das für einen der "
                    "teuersten Denkfehler im modernen Management.</p>"
                ),
            ),
            ("heading", {"text": "Verstehen heißt nicht zustimmen", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Empathie bedeutet, die Lage eines anderen Menschen so genau wie möglich "
                    "nachzuvollziehen – seine Gefühle, seine Zwänge, seine Gründe. Das heißt nicht, dass man "
                    "ihm recht geben muss. Eine Führungskraft kann eine Entscheidung treffen, die jemandem im "
                    "Team nicht gefällt, und trotzdem zeigen, dass sie verstanden hat, was diese Entscheidung "
                    "für ihn bedeutet.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Gerade darin liegt die Stärke. Wer versteht, warum jemand zögert, kann gezielter "
                    "erklären, Bedenken ernst nehmen und Lösungen finden, die länger halten. Empathie macht "
                    "Entscheidungen nicht weicher, sondern <b>tragfähiger</b>.</p>"
                ),
            ),
            ("heading", {"text": "Ein Beispiel aus dem Alltag", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>In einem mittelständischen Betrieb sollte eine neue Software eingeführt werden. Die "
                    "Geschäftsführung sah vor allem Effizienz, die Belegschaft vor allem Risiko: Viele "
                    "fürchteten, mit dem neuen System nicht zurechtzukommen. Erst als die Projektleiterin "
                    "diese Sorge offen ansprach und feste Zeiten für Schulungen einplante, kam das Projekt "
                    "wirklich in Gang.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Mir hat niemand versprochen, dass es einfach wird. Aber zum ersten Mal hatte ich "
                        "das Gefühl, dass meine Bedenken auf den Tisch dürfen."
                    ),
                    "attribution": "Sachbearbeiterin aus einem Veränderungsprojekt",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Empathie ist also kein Luxus für ruhige Zeiten. Sie ist ein Werkzeug für genau die "
                    "Momente, in denen es schwierig wird. Und wie jedes Werkzeug lässt sie sich üben – durch "
                    "Nachfragen, durch Zuhören und durch die Bereitschaft, die eigene Sicht nicht für die "
                    "einzige zu halten.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 3
    {
        "slug": "marke-ist-ein-versprechen",
        "title": "Eine Marke ist ein Versprechen, kein Logo",
        "date": "2025-11-20",
        "tags": ["Branding", "Marketing"],
        "teaser": (
            "Viele Unternehmen investieren viel Geld in Logos und Farben. Doch eine Marke entsteht "
            "dort, wo ein Versprechen immer wieder eingelöst wird."
        ),
        "image": {
            "title": "Marke als Versprechen – Titelbild",
            "colors": ("#264653", "#2a9d8f"),
            "alt": "Ruhiger Farbverlauf von dunklem Petrol zu Türkis mit einer schlichten geometrischen Form.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Wenn Unternehmen über ihre Marke sprechen, zeigen sie oft zuerst das Logo. Dann "
                    "kommen Farben, Schriften, vielleicht ein Claim. All das ist wichtig – aber es ist nur "
                    "die Verpackung. Die eigentliche Marke entsteht im Kopf der Menschen, und zwar aus "
                    "Erfahrungen, nicht aus Gestaltungsrichtlinien.</p>"
                ),
            ),
            ("heading", {"text": "Das Versprechen hinter dem Zeichen", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Jede Marke gibt ein Versprechen ab, ob sie will oder nicht. Eine Bäckerei verspricht "
                    "frisches Brot, eine Versicherung Sicherheit, ein Softwareanbieter Zuverlässigkeit. "
                    "Entscheidend ist, ob dieses Versprechen bei jeder Begegnung spürbar eingehalten wird – "
                    "an der Theke, am Telefon, auf der Rechnung.</p>"
                ),
            ),
            (
                "image",
                {
                    "colors": ("#e76f51", "#f4a261"),
                    "title": "Marke als Linie aus vielen Punkten",
                    "alt": "Abstrakte Komposition in warmen Orangetönen mit einer ruhig geschwungenen Linie.",
                    "caption": "Eine Marke wirkt wie eine Linie: Sie entsteht erst aus vielen einzelnen Punkten.",
                    "credit": "Bild: Lena Hoffmann / Studio Nordlicht",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Ich vergleiche Markenführung gern mit einem Freundeskreis. Wir vertrauen Menschen "
                    "nicht wegen ihres Aussehens, sondern weil sie sich verlässlich verhalten. Wer einmal zu "
                    "spät kommt, dem verzeiht man. Wer immer zu spät kommt, dem glaubt man irgendwann keine "
                    "Zusage mehr.</p>"
                ),
            ),
            ("heading", {"text": "Wo Marken im Alltag entstehen", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Die wichtigsten Markenmomente finden selten in einer Kampagne statt. Sie passieren, "
                    "wenn ein Paket beschädigt ankommt und jemand unkompliziert hilft. Oder wenn eine "
                    "Rechnung verständlich formuliert ist, statt in Fachsprache zu verschwimmen. Solche "
                    "Momente prägen das Bild eines Unternehmens stärker als jede Anzeige.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Zum Ausprobieren",
                    "text": (
                        "<p>Schreiben Sie das Versprechen Ihrer Marke in einem einzigen Satz auf. Fragen Sie "
                        "dann drei Kolleginnen oder Kollegen aus verschiedenen Abteilungen, woran ein Kunde "
                        "erkennen würde, dass dieses Versprechen gehalten wird.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Ein gutes Logo kann eine Marke sichtbar machen. Glaubwürdig macht sie nur das "
                    "Verhalten dahinter.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 4
    {
        "slug": "was-der-kundenservice-verraet",
        "title": "Was der Kundenservice über ein Unternehmen verrät",
        "date": "2026-01-16",
        "tags": ["Marketing", "Purpose"],
        "teaser": (
            "Der Kundenservice ist kein Kostenfaktor am Rand, sondern das ehrlichste Schaufenster "
            "eines Unternehmens. Ein Plädoyer für mehr Aufmerksamkeit an der Kontaktstelle."
        ),
        "image": {
            "title": "Kundenservice – Titelbild",
            "colors": ("#3d405b", "#81b29a"),
            "alt": "Abstraktes Bild mit einem Verlauf von Schiefergrau zu Salbeigrün und zwei weichen, runden Flächen.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Wer wissen will, wie ernst ein Unternehmen seine Werte nimmt, sollte nicht den "
                    "Geschäftsbericht lesen, sondern bei der Hotline anrufen. Im Kundenservice zeigt sich, "
                    "ob schöne Worte auch dann gelten, wenn etwas schiefgeht. Dort trifft das Selbstbild "
                    "eines Unternehmens auf die Wirklichkeit.</p>"
                ),
            ),
            ("heading", {"text": "Der Service als Spiegel", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>In vielen Organisationen wird der Kundenservice vor allem als Kostenstelle "
                    "betrachtet. Gemessen werden Bearbeitungszeiten, Anrufvolumen und Rückstände. Das ist "
                    "verständlich, aber es verstellt den Blick auf das Wesentliche: Jedes Gespräch ist eine "
                    "Gelegenheit, Vertrauen aufzubauen – oder es zu verspielen.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Mitarbeitende im Service wissen oft früher als alle anderen, wo ein Produkt hakt, "
                    "welche Formulierung in der Werbung missverstanden wird oder welcher Ablauf Menschen "
                    "verärgert. Dieses Wissen ist Gold wert. Trotzdem kommt es selten bei denen an, die "
                    "Produkte entwickeln oder Kampagnen planen.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Wir hören jeden Tag, was nicht funktioniert. Wir haben nur lange niemanden "
                        "gefunden, der es hören wollte."
                    ),
                    "attribution": "Teamleiter im Kundenservice eines Onlinehändlers",
                },
            ),
            (
                "heading",
                {"text": "Drei Fragen für die nächste Teamrunde", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Es braucht dafür keine großen Programme, sondern regelmäßige, ehrliche Fragen. "
                    "Welche drei Anliegen haben uns in diesem Monat am häufigsten erreicht? Welche davon "
                    "hätten wir durch eine bessere Erklärung vermeiden können? Und was davon sollten "
                    "Produktentwicklung und Marketing unbedingt erfahren?</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "Was häufige Anliegen verraten – ein Beispiel für die Teamrunde",
                    "columns": [
                        {"type": "text", "heading": "Anliegen"},
                        {"type": "text", "heading": "Was es verrät"},
                        {"type": "text", "heading": "Wer davon erfahren sollte"},
                    ],
                    "rows": [
                        {
                            "values": [
                                "„Wo bleibt meine Bestellung?“",
                                "Die Versandnachricht kommt zu spät oder sagt zu wenig.",
                                "Logistik und das Team, das die E-Mails schreibt",
                            ]
                        },
                        {
                            "values": [
                                "„Wie kann ich kündigen?“",
                                "Der Weg ist gut versteckt – und das kostet Vertrauen.",
                                "Produktentwicklung",
                            ]
                        },
                        {
                            "values": [
                                "„Das sah auf dem Foto anders aus.“",
                                "Die Werbung verspricht mehr, als das Produkt hält.",
                                "Marketing",
                            ]
                        },
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Gut zu wissen",
                    "text": (
                        "<p>Ein Anliegen, das gut gelöst wird, kann die Bindung an ein Unternehmen sogar "
                        "stärken. Entscheidend ist weniger der Fehler als die Art, wie mit ihm umgegangen "
                        "wird.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Wer den Kundenservice ernst nimmt, nimmt am Ende das eigene Versprechen ernst. Und "
                    "das merken Kundinnen und Kunden schneller, als jede Werbebotschaft es erklären "
                    "könnte.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 5
    {
        "slug": "fuehren-mit-fragen",
        "title": "Führen mit Fragen statt mit Antworten",
        "date": "2026-02-24",
        "tags": ["Leadership"],
        "teaser": (
            "Gute Führungskräfte müssen nicht auf alles eine Antwort haben. Oft ist die bessere "
            "Frage der wirksamere Beitrag."
        ),
        "image": None,
        "body": [
            (
                "paragraph",
                (
                    "<p>Viele Menschen, die zum ersten Mal Führungsverantwortung übernehmen, glauben, sie "
                    "müssten nun auf jede Frage eine Antwort haben. Schließlich wurden sie befördert, weil "
                    "sie fachlich überzeugt haben. Doch genau dieser Reflex kann ein Team klein halten.</p>"
                ),
            ),
            ("heading", {"text": "Warum Antworten manchmal bremsen", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Wenn die Führungskraft jedes Problem selbst löst, lernt das Team vor allem eines: zu "
                    "warten. Entscheidungen stauen sich, Ideen bleiben unausgesprochen, und die Verantwortung "
                    "wandert nach oben. Das fühlt sich anfangs effizient an, macht eine Organisation auf "
                    "Dauer aber langsam und abhängig.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Fragen wirken anders. Sie signalisieren Vertrauen und laden dazu ein, selbst "
                    "nachzudenken. Eine gute Frage zur richtigen Zeit kann mehr bewegen als eine perfekte "
                    "Anweisung.</p>"
                ),
            ),
            ("heading", {"text": "Fragen, die sich bewährt haben", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Über die Jahre haben sich für mich einige Fragen als besonders hilfreich erwiesen. "
                    "Ich stelle sie meist in ungefähr dieser Reihenfolge:</p>"
                    "<ol>"
                    "<li>Was genau ist das Problem – und für wen ist es eines?</li>"
                    "<li>Was hast du schon ausprobiert, und was hast du dabei gelernt?</li>"
                    "<li>Welche Möglichkeiten siehst du, und welche überzeugt dich am meisten?</li>"
                    "<li>Was brauchst du von mir, damit du weitermachen kannst?</li>"
                    "</ol>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Praxistipp",
                    "text": (
                        "<p>Zählen Sie in Ihrem nächsten Meeting einmal mit, wie oft Sie eine Frage stellen "
                        "und wie oft Sie eine Lösung vorgeben. Schon das Bewusstsein für dieses Verhältnis "
                        "verändert, wie Sie führen.</p>"
                    ),
                },
            ),
            (
                "heading",
                {"text": "Wann eine klare Antwort trotzdem richtig ist", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Führen mit Fragen heißt nicht, sich vor Entscheidungen zu drücken. In Krisen, unter "
                    "Zeitdruck oder wenn ein Team Orientierung braucht, ist eine klare Ansage oft das "
                    "Freundlichste, was man tun kann. Die Kunst liegt darin, zu erkennen, welcher Moment "
                    "welche Haltung verlangt.</p>"
                ),
            ),
            ("divider", None),
            (
                "paragraph",
                (
                    "<p>Weitere Gedanken zu Führung und Zusammenarbeit finden Sie im "
                    '<a href="/blog/">Blog-Archiv</a>. Ich freue mich, wenn Sie dort weiterlesen.</p>'
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 6
    {
        "slug": "purpose-ist-mehr-als-ein-slogan",
        "title": "Purpose ist mehr als ein Slogan",
        "date": "2026-04-09",
        "tags": ["Purpose", "Branding"],
        "teaser": (
            "Viele Unternehmen formulieren heute ihren „Purpose“. Glaubwürdig wird er erst, wenn er "
            "Entscheidungen verändert – auch die unbequemen."
        ),
        "image": {
            "title": "Purpose – Titelbild",
            "colors": ("#2b2d42", "#ef476f"),
            "alt": "Dunkler, fast schwarzer Hintergrund, aus dem ein leuchtend pinkfarbener Bogen nach oben steigt.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Kaum ein Begriff hat in den letzten Jahren so viel Karriere gemacht wie "
                    "<i>Purpose</i>. Unternehmen beschreiben, warum es sie gibt, welchen Beitrag sie leisten "
                    "wollen und wofür sie stehen. Das ist grundsätzlich eine gute Entwicklung. Problematisch "
                    "wird es erst, wenn der Sinn nur auf der Website existiert.</p>"
                ),
            ),
            (
                "heading",
                {"text": "Der Test der unbequemen Entscheidung", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Ob ein Purpose ernst gemeint ist, zeigt sich nicht in guten Zeiten. Es zeigt sich "
                    "dann, wenn er etwas kostet: einen lukrativen Auftrag, der nicht zu den eigenen Werten "
                    "passt, oder eine Produktänderung, die kurzfristig weniger Umsatz bringt. Wer in solchen "
                    "Momenten anders entscheidet, als er es ohne Purpose täte, hat einen. Alle anderen haben "
                    "einen Slogan.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Unser Leitbild hing jahrelang im Flur. Wirklich gelesen haben wir es erst an dem "
                        "Tag, an dem wir einen großen Auftrag abgelehnt haben."
                    ),
                    "attribution": "Geschäftsführerin einer Kommunikationsagentur",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Für Marken ist das besonders heikel. Menschen haben ein feines Gespür dafür, ob eine "
                    "Botschaft von innen kommt oder nur aufgesetzt ist. Ein Purpose, der im Marketing laut "
                    "verkündet, im Unternehmen aber nicht gelebt wird, schadet mehr, als er nützt.</p>"
                ),
            ),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=Fq7Kd2mWx9T",
                    "caption": "Im Gespräch: Warum Sinn im Unternehmen mit kleinen Entscheidungen beginnt.",
                },
            ),
            ("heading", {"text": "Wo man anfangen kann", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Ein guter Einstieg ist, den eigenen Purpose in konkrete Fragen zu übersetzen. Was "
                    "würden wir anders machen, wenn wir ihn wirklich ernst nähmen? Welche Gewohnheit müssten "
                    "wir dafür aufgeben? Die Antworten sind selten bequem – aber sie sind der Beginn von "
                    "Glaubwürdigkeit.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Vorsicht, Fassade",
                    "text": (
                        "<p>Ein Purpose, der nur für die Außenkommunikation geschrieben wird, fliegt "
                        "spätestens dann auf, wenn Mitarbeitende ihn im Gespräch mit Kunden nicht erklären "
                        "können.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Sinn lässt sich nicht verordnen. Er entsteht, wenn Menschen erleben, dass ihre Arbeit "
                    "einen Unterschied macht – und dass ihr Unternehmen zu dem steht, was es sagt.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 7
    {
        "slug": "marketing-ohne-lautstaerke",
        "title": "Marketing ohne Lautstärke",
        "date": "2026-05-28",
        "tags": ["Marketing", "Branding"],
        "teaser": (
            "Immer mehr Kanäle, immer mehr Botschaften: Wer im Marketing auffallen will, muss nicht "
            "lauter werden, sondern relevanter."
        ),
        "image": {
            "title": "Marketing ohne Lautstärke – Titelbild",
            "colors": ("#457b9d", "#f1faee"),
            "alt": "Sanfter Farbverlauf von Stahlblau zu fast weißem Mintgrün, ohne weitere Formen.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Jeden Tag begegnen uns unzählige Werbebotschaften. Die meisten nehmen wir gar nicht "
                    "mehr bewusst wahr. Viele Unternehmen reagieren darauf, indem sie lauter werden: mehr "
                    "Anzeigen, mehr Rabatte, mehr Ausrufezeichen.</p>"
                ),
            ),
            ("heading", {"text": "Relevanz schlägt Reichweite", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Ich glaube, der bessere Weg ist ein anderer. Statt möglichst viele Menschen zu "
                    "erreichen, sollte Marketing die richtigen Menschen im richtigen Moment erreichen – mit "
                    "etwas, das ihnen tatsächlich hilft. Das kann ein verständlicher Ratgeber sein, eine "
                    "ehrliche Produktbeschreibung oder eine E-Mail, die genau dann kommt, wenn sie gebraucht "
                    "wird.</p>"
                ),
            ),
            (
                "image",
                {
                    "colors": ("#1b4965", "#a8dadc"),
                    "title": "Leises Marketing",
                    "alt": "Ruhiger Verlauf von Tiefblau zu hellem Türkis mit einer kleinen, hellen Kreisform am rechten Rand.",
                    "caption": "Wer nicht schreit, wird manchmal besser gehört.",
                    "credit": "Bild: Jonas Berger / Atelier Weitblick",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Leises Marketing ist kein Verzicht auf Ehrgeiz. Es verlangt sogar mehr Arbeit, weil "
                    "man seine Zielgruppe genau kennen muss. Wer weiß, welche Fragen Menschen wirklich "
                    "beschäftigen, muss nicht schreien, um gehört zu werden.</p>"
                ),
            ),
            ("heading", {"text": "Was leises Marketing ausmacht", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Nicht jede ruhige Kampagne ist automatisch gut. Aber die guten haben in meiner "
                    "Erfahrung einige Gemeinsamkeiten:</p>"
                    "<ul>"
                    "<li>Sie versprechen nur, was das Produkt auch hält.</li>"
                    "<li>Sie sprechen die Sprache ihrer Zielgruppe, nicht die der Marketingabteilung.</li>"
                    "<li>Sie respektieren die Zeit der Menschen, die sie erreichen.</li>"
                    "</ul>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Die Mail kam genau an dem Tag, an dem ich die Frage hatte. Seitdem lese ich den "
                        "Newsletter wirklich."
                    ),
                    "attribution": "Aus einer Leserzuschrift",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Am Ende ist leises Marketing eine Form von Respekt. Es behandelt Menschen nicht als "
                    "Reichweite, sondern als Gegenüber. Und genau das zahlt langfristig auf die Marke "
                    "ein.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 8
    {
        "slug": "beschwerden-als-geschenk",
        "title": "Beschwerden als Geschenk",
        "date": "2026-07-14",
        "tags": ["Marketing", "Leadership"],
        "teaser": (
            "Eine Beschwerde fühlt sich selten gut an. Doch wer sie als Hinweis statt als Angriff "
            "versteht, lernt mehr über das eigene Unternehmen als aus jeder Marktstudie."
        ),
        "image": {
            "title": "Beschwerden als Geschenk – Titelbild",
            "colors": ("#9d0208", "#ffba08"),
            "alt": "Kräftiger Verlauf von Dunkelrot zu Goldgelb mit einer quadratischen Form, die an ein Päckchen erinnert.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Niemand bekommt gern Beschwerden. Sie treffen uns oft persönlich, selbst wenn sie "
                    "sich eigentlich an ein Produkt oder einen Ablauf richten. Der erste Reflex ist deshalb "
                    "meist Verteidigung: erklären, relativieren, recht behalten.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Dabei übersehen wir etwas Wichtiges. Wer sich beschwert, hat sich noch nicht "
                    "abgewandt. Er gibt uns eine zweite Chance – und verrät ganz nebenbei, wo wir besser "
                    "werden können. Viele unzufriedene Kunden sagen dagegen gar nichts und kommen einfach "
                    "nicht wieder.</p>"
                ),
            ),
            ("heading", {"text": "Vom Abwehrreflex zur Neugier", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Der wichtigste Schritt ist eine Frage der Haltung, und sie beginnt bei der Führung. "
                    "Wenn Führungskräfte Beschwerden als Störung behandeln, wird das Team sie verstecken "
                    "oder kleinreden. Wenn sie dagegen neugierig nachfragen, was dahintersteckt, entsteht "
                    "eine Kultur, in der Fehler sichtbar werden dürfen.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Achtung, Falle",
                    "text": (
                        "<p>Wer Teams vor allem an der <b>Anzahl</b> der Beschwerden misst, setzt einen "
                        "gefährlichen Anreiz: Sie lernen dann, Kritik zu vermeiden, statt sie zu nutzen. "
                        "Weniger Beschwerden sind nicht automatisch ein gutes Zeichen.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Was eine gute Antwort ausmacht", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Eine gute Antwort auf eine Beschwerde ist schnell, persönlich und konkret. Sie "
                    "erkennt an, was schiefgelaufen ist, ohne sich in Floskeln zu verlieren. Und sie sagt "
                    "klar, was als Nächstes passiert – auch dann, wenn die Lösung noch etwas Zeit "
                    "braucht.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Dass etwas schiefgeht, kann ich verstehen. Dass sich niemand zuständig fühlt, "
                        "nicht."
                    ),
                    "attribution": "Aus einer Kundenbeschwerde",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Beschwerden sind unbequem, aber sie sind ehrlich. Wer lernt, sie als Geschenk "
                    "anzunehmen, bekommt etwas, das sich mit keinem Budget kaufen lässt: ungefilterte "
                    "Rückmeldungen von genau den Menschen, für die man arbeitet.</p>"
                ),
            ),
        ],
    },
    # ------------------------------------------------------------------ 9
    {
        "slug": "die-eigene-markenstimme-finden",
        "title": "Die eigene Markenstimme finden",
        "date": "2026-09-03",
        "tags": ["Branding"],
        "teaser": (
            "Wie klingt Ihr Unternehmen, wenn es spricht? Eine klare Markenstimme macht Texte "
            "wiedererkennbar – vom Newsletter bis zur Fehlermeldung."
        ),
        "image": None,
        "body": [
            (
                "paragraph",
                (
                    "<p>Wenn wir an Marken denken, denken wir zuerst an Bilder. Doch ein großer Teil der "
                    "Begegnungen mit einem Unternehmen findet über Sprache statt: auf der Website, in "
                    "E-Mails, in Verträgen, in Fehlermeldungen. Wie ein Unternehmen spricht, prägt, wie es "
                    "wahrgenommen wird.</p>"
                ),
            ),
            ("heading", {"text": "Was eine Markenstimme ist", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Die <b>Markenstimme</b> beschreibt den Charakter, mit dem ein Unternehmen "
                    "kommuniziert. Ist es förmlich oder locker, nüchtern oder warm, knapp oder ausführlich? "
                    "Wichtig ist nicht, welche Antwort man wählt, sondern dass sie zu dem passt, wofür die "
                    "Marke steht – und dass sie überall gilt.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Eine Stimme ist dabei nicht dasselbe wie ein Tonfall. Die Stimme bleibt gleich, der "
                    "Ton passt sich der Situation an. Ein Unternehmen kann in einer Anzeige verspielt "
                    "klingen und bei einer Zahlungserinnerung ernst – solange man in beiden Texten dieselbe "
                    "Persönlichkeit erkennt.</p>"
                ),
            ),
            ("heading", {"text": "Ein einfacher Einstieg", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Sammeln Sie zehn Texte, die Ihr Unternehmen in letzter Zeit veröffentlicht hat, und "
                    "lesen Sie sie hintereinander laut vor. Klingen sie, als hätte sie dieselbe Person "
                    "geschrieben? Meist zeigt sich schnell, wo die Stimme bricht – und wo sie schon heute "
                    "gut trifft.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Merksatz",
                    "text": (
                        "<p>Eine starke Markenstimme klingt nicht nach Werbung, sondern nach einem Menschen, "
                        "dem man gern zuhört.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Besonders aufschlussreich sind die unscheinbaren Texte. Eine freundlich formulierte "
                    "Fehlermeldung oder eine verständliche Kündigungsbestätigung sagen oft mehr über eine "
                    "Marke als der schönste Werbetext. Gerade dort, wo niemand mit Sorgfalt rechnet, fällt "
                    "sie besonders positiv auf.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Wie das aussehen kann, zeigt ein Blick in die Sprachdatei einer App. Dort legt "
                    "das Entwicklungsteam die Sätze ab, die später auf dem Bildschirm stehen – und genau "
                    "dort entscheidet sich, ob die Marke auch im Fehlerfall nach sich selbst klingt:</p>"
                ),
            ),
            (
                "code",
                {
                    "language": "json",
                    "code": (
                        "{\n"
                        '  "zahlung.fehlgeschlagen": "Das hat leider nicht geklappt. Ihre Karte wurde '
                        'nicht belastet – versuchen Sie es gern noch einmal.",\n'
                        '  "verbindung.weg": "Gerade fehlt die Verbindung. Keine Sorge, Ihre Eingaben '
                        'sind gespeichert.",\n'
                        '  "sitzung.abgelaufen": "Sie waren eine Weile nicht da. Bitte melden Sie sich '
                        'noch einmal an, wir haben Ihren Warenkorb aufgehoben."\n'
                        "}"
                    ),
                },
            ),
        ],
    },
    # ------------------------------------------------------------------ 10
    {
        "slug": "vertrauen-ist-die-waehrung-guter-fuehrung",
        "title": "Vertrauen ist die Währung guter Führung",
        "date": "2026-11-05",
        "tags": ["Leadership", "Purpose"],
        "teaser": (
            "Kontrolle lässt sich anordnen, Vertrauen nicht. Warum Führungskräfte Vertrauen zuerst "
            "verschenken müssen, bevor sie es zurückbekommen."
        ),
        "image": {
            "title": "Vertrauen – Titelbild",
            "colors": ("#283618", "#dda15e"),
            "alt": "Abstraktes Bild mit einem Verlauf von dunklem Olivgrün zu warmem Ocker und zwei nebeneinanderstehenden Rechtecken.",
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Vertrauen ist eines dieser Wörter, die in keinem Führungsleitbild fehlen. "
                    "Gleichzeitig ist es eines der am wenigsten greifbaren. Man kann es nicht bestellen, "
                    "nicht messen und nicht per Rundmail einführen. Und doch spürt jedes Team sofort, ob es "
                    "da ist oder nicht.</p>"
                ),
            ),
            ("heading", {"text": "Wer anfängt, gewinnt", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>In vielen Organisationen warten beide Seiten darauf, dass die jeweils andere den "
                    "ersten Schritt macht. Führungskräfte wollen erst Verlässlichkeit sehen, bevor sie "
                    "Verantwortung abgeben. Mitarbeitende wollen erst Freiraum bekommen, bevor sie sich voll "
                    "einbringen. So entsteht ein Stillstand, den eigentlich nur eine Person auflösen kann: "
                    "die mit der formalen Macht.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Vertrauen zu verschenken heißt nicht, blind zu sein. Es heißt, Verantwortung bewusst "
                    "zu übergeben, klare Erwartungen zu formulieren und Fehler nicht sofort als "
                    "Vertrauensbruch zu deuten. Wer so führt, geht ein kalkuliertes Risiko ein – und bekommt "
                    "in den allermeisten Fällen mehr zurück, als er gegeben hat.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Meine Chefin hat mir ein Projekt übertragen, für das ich mich selbst noch nicht "
                        "bereit fühlte. Ich wollte sie auf keinen Fall enttäuschen – und bin daran "
                        "gewachsen."
                    ),
                    "attribution": "Projektmanager, im Rückblick auf sein erstes Berufsjahr",
                },
            ),
            ("heading", {"text": "Vertrauen und Kundennähe", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Es gibt einen direkten Zusammenhang zwischen dem Vertrauen im Team und der Qualität, "
                    "die bei Kunden ankommt. Wer im Kundenkontakt selbst entscheiden darf, kann Probleme "
                    "sofort lösen, statt sie weiterzureichen. Mitarbeitende, denen vertraut wird, begegnen "
                    "auch Kundinnen und Kunden mit mehr Vertrauen.</p>"
                ),
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Eine kleine Übung",
                    "text": (
                        "<p>Überlegen Sie, welche Entscheidung Sie in der nächsten Woche bewusst an jemanden "
                        "im Team abgeben könnten. Sagen Sie dazu, warum Sie gerade dieser Person die Aufgabe "
                        "zutrauen.</p>"
                    ),
                },
            ),
            ("divider", None),
            (
                "paragraph",
                (
                    "<p>Damit schließt sich ein Kreis, der sich durch viele Texte in diesem "
                    '<a href="/blog/">Blog</a> zieht: Kundenorientierung, Empathie, Marke und Führung sind '
                    "keine getrennten Disziplinen. Sie alle beruhen auf der Frage, wie wir Menschen begegnen "
                    "– innerhalb und außerhalb des Unternehmens.</p>"
                ),
            ),
        ],
    },
]

PAGES = {
    "impressum": {
        "title": "Impressum",
        "intro": (
            "Anbieterkennzeichnung für diese Website. Hinweis: Es handelt sich um Demo-Inhalte; "
            "Name und Anschrift sind frei erfunden."
        ),
        "body": [
            ("heading", {"text": "Angaben gemäß § 5 DDG", "level": "h2"}),
            (
                "paragraph",
                "<p>Mesut Karaca</p><p>Musterstraße 12</p><p>10115 Berlin</p>",
            ),
            ("heading", {"text": "Kontakt", "level": "h2"}),
            ("paragraph", "<p>E-Mail: hallo@example.org</p>"),
            (
                "heading",
                {
                    "text": "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
                    "level": "h2",
                },
            ),
            ("paragraph", "<p>Mesut Karaca, Musterstraße 12, 10115 Berlin</p>"),
            ("heading", {"text": "Haftung für Inhalte", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Die Beiträge in diesem Blog werden mit Sorgfalt erstellt. Für die Richtigkeit, "
                    "Vollständigkeit und Aktualität der Inhalte kann ich dennoch keine Gewähr übernehmen. "
                    "Die Texte geben meine persönliche Sicht wieder und ersetzen keine individuelle "
                    "Beratung.</p>"
                ),
            ),
            ("heading", {"text": "Haftung für Links", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Dieser Blog enthält Links zu Websites Dritter, auf deren Inhalte ich keinen Einfluss "
                    "habe. Für diese Inhalte ist stets der jeweilige Anbieter verantwortlich. Zum Zeitpunkt "
                    "der Verlinkung waren keine Rechtsverstöße erkennbar; sollte mir eine Rechtsverletzung "
                    "bekannt werden, entferne ich den betreffenden Link umgehend.</p>"
                ),
            ),
            ("heading", {"text": "Urheberrecht", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Texte und Bilder auf dieser Website unterliegen dem deutschen Urheberrecht. Eine "
                    "Vervielfältigung oder Verwendung außerhalb der gesetzlichen Grenzen bedarf meiner "
                    "vorherigen Zustimmung. Kurze Zitate mit Quellenangabe sind selbstverständlich "
                    "willkommen.</p>"
                ),
            ),
        ],
    },
    "datenschutz": {
        "title": "Datenschutz",
        "intro": (
            "Ich erhebe nur die Daten, die für den Betrieb dieses Blogs wirklich nötig sind. Hier "
            "erfahren Sie, welche das sind und welche Rechte Sie haben."
        ),
        "body": [
            ("heading", {"text": "Verantwortlicher", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Verantwortlich für die Datenverarbeitung auf dieser Website ist Mesut Karaca, "
                    "Musterstraße 12, 10115 Berlin, E-Mail: hallo@example.org.</p>"
                ),
            ),
            ("heading", {"text": "Hosting und Server-Logfiles", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Diese Website wird bei einem Hosting-Dienstleister betrieben, mit dem ein Vertrag "
                    "zur Auftragsverarbeitung nach Art. 28 DSGVO besteht. Bei jedem Aufruf einer Seite "
                    "speichert der Server automatisch technische Informationen in Logdateien: IP-Adresse, "
                    "Datum und Uhrzeit des Zugriffs, die aufgerufene Adresse, die zuvor besuchte Seite "
                    "(sofern übermittelt) sowie Angaben zu Browser und Betriebssystem.</p>"
                    "<p>Diese Daten dienen ausschließlich dazu, den sicheren und stabilen Betrieb der "
                    "Website zu gewährleisten und Fehler oder Angriffe zu erkennen. Rechtsgrundlage ist "
                    "Art. 6 Abs. 1 lit. f DSGVO. Die Logdateien werden nach spätestens 14 Tagen "
                    "gelöscht.</p>"
                ),
            ),
            ("heading", {"text": "Newsletter", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Sie können neue Artikel per E-Mail abonnieren. Dafür gilt das "
                    "Double-Opt-in-Verfahren: Nach der Anmeldung schicke ich Ihnen eine E-Mail mit "
                    "einem Link. Er führt auf eine Seite mit der Schaltfläche „Anmeldung bestätigen“; "
                    "erst wenn Sie diese drücken, ist Ihre Adresse im Verteiler. Das bloße Öffnen des "
                    "Links – etwa durch einen Virenscanner Ihres E-Mail-Anbieters – meldet Sie nicht "
                    "an. Der Link gilt 48 Stunden.</p>"
                ),
            ),
            ("heading", {"text": "Was dabei gespeichert wird", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Um Ihre Einwilligung nachweisen zu können, speichere ich folgende Angaben:</p>"
                    "<ul>"
                    "<li>Ihre E-Mail-Adresse</li>"
                    "<li>Ihren Vornamen, falls Sie ihn freiwillig angeben</li>"
                    "<li>den Zeitpunkt der Anmeldung</li>"
                    "<li>die Seite, auf der Sie sich angemeldet haben</li>"
                    "<li>den Einwilligungstext, dem Sie zugestimmt haben</li>"
                    "<li>den Zeitpunkt der Bestätigung und gegebenenfalls der Abmeldung</li>"
                    "<li>ob die Bestätigungs-E-Mail und die Artikel-E-Mails zugestellt werden konnten</li>"
                    "</ul>"
                    "<p>Ihre IP-Adresse speichere ich dabei nicht. Sie dient nur, unkenntlich gemacht (gehasht), als "
                    "Zähler, der massenhafte Anmeldeversuche bremst, und verfällt nach "
                    "höchstens einem Tag.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Rechtsgrundlage ist Ihre Einwilligung nach Art. 6 Abs. 1 lit. a DSGVO. Anmeldungen, "
                    "die nicht innerhalb von 30 Tagen bestätigt werden, lösche ich. Jede E-Mail enthält "
                    "einen Abmeldelink; ein Klick darauf genügt. Nach der Abmeldung lösche ich Ihren "
                    "Vornamen sofort. Ihre E-Mail-Adresse und die Zeitpunkte von Anmeldung, Bestätigung "
                    "und Abmeldung bewahre ich auf, um belegen zu können, dass ich Ihre Abmeldung "
                    "beachtet habe (Art. 6 Abs. 1 lit. c und f DSGVO). Auf Wunsch lösche ich auch diese "
                    "Angaben vollständig.</p>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Kein Tracking durch Dritte, keine Cookies, keine externen Schriften",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Dieser Blog bindet keine Analyse- oder Tracking-Dienste von Drittanbietern "
                    "ein. Beim Lesen setzt er keine Cookies. Er lädt keine Schriftarten nach, auch "
                    "nicht von Drittanbietern: Er nutzt die Schriften, die auf Ihrem Gerät ohnehin "
                    "vorhanden sind.</p>"
                ),
            ),
            (
                "heading",
                {"text": "Eigene Reichweitenmessung ohne Cookies", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Damit ich weiß, welche Artikel gelesen werden und woher Leserinnen und Leser "
                    "kommen, zähle ich Seitenaufrufe selbst, auf dem Server dieses Blogs und ohne "
                    "Dienste Dritter. Beim Aufruf einer Seite schickt ein kleines Skript eine Meldung "
                    "an diesen Server. Sie enthält die aufgerufene Seite, die Website, von der Sie "
                    "kamen (gespeichert wird nur deren Domain, nicht die vollständige Adresse), die "
                    "Kampagnenangaben utm_source, utm_medium und utm_campaign, falls der Link sie "
                    "enthielt, und die Breite des Browserfensters. Aus der Breite wird nur eine "
                    "Geräteklasse: Telefon unter 768 Pixel, Tablet ab 768 Pixel, Desktop ab 1200 "
                    "Pixel. Eine zweite Meldung geht einmal, wenn das Ende eines Artikels sichtbar "
                    "wird („gelesen“).</p>"
                    "<p>Gespeichert werden nur Summen je Tag, für die letzten 48 Stunden auch je "
                    "Stunde, nie ein einzelner Aufruf. Ihre IP-Adresse und die Kennung Ihres Browsers "
                    "(User-Agent) speichere ich dafür nicht. Damit ein Besucher an einem Tag nur "
                    "einmal zählt, bildet der Server aus IP-Adresse, User-Agent, der Website und "
                    "einem zufälligen Tageswert einen Hashwert. Er liegt nur im Zwischenspeicher des "
                    "Servers, nie in der Datenbank; der Tageswert wird nach Mitternacht verworfen, "
                    "sodass sich Besuche verschiedener Tage nicht verbinden lassen. Auf Ihrem Gerät "
                    "wird nichts gespeichert: kein Cookie, kein Local Storage, kein Session "
                    "Storage.</p>"
                    "<p>Nicht gezählt werden Suchmaschinen und andere Bots, vorab geladene Seiten "
                    "(Prefetch und Prerender), angemeldete Redakteure, Vorschau-Links und der "
                    "Verwaltungsbereich. Öffnungen und Klicks in E-Mails messe ich nicht. Bei "
                    "Newsletter-Anmeldungen werte ich die gespeicherte Anmeldeseite aus, um zu "
                    "sehen, welche Artikel zu Anmeldungen führen.</p>"
                    "<p>Sendet Ihr Browser „Do Not Track“ (DNT) oder „Global Privacy Control“ (GPC), "
                    "zähle ich nichts. Ohne JavaScript wird ebenfalls nichts gezählt; lesen lässt "
                    "sich der Blog trotzdem vollständig.</p>"
                    "<p>Rechtsgrundlage ist mein berechtigtes Interesse nach Art. 6 Abs. 1 lit. f "
                    "DSGVO, zu erfahren, welche Inhalte gelesen werden, um den Blog zu verbessern. "
                    "Die Tagessummen lösche ich nach 730 Tagen.</p>"
                ),
            ),
            ("heading", {"text": "Eingebettete Videos", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>In einzelnen Beiträgen stecken Videos von YouTube oder Vimeo. Zunächst sehen Sie "
                    "nur einen Platzhalter von diesem Server mit der Schaltfläche „Video abspielen“ und "
                    "dem Hinweis, dass der Anbieter dabei Ihre IP-Adresse erhält; ein Vorschaubild des "
                    "Anbieters wird nicht geladen. Bis zu Ihrem Klick wird keine Verbindung zu YouTube "
                    "oder Vimeo aufgebaut.</p>"
                    "<p>Erst nach dem Klick lädt der Player: bei YouTube über youtube-nocookie.com im "
                    "erweiterten Datenschutzmodus, bei Vimeo mit der Einstellung „Do Not Track“. Dabei "
                    "werden Daten wie Ihre IP-Adresse an den Anbieter übertragen (Google Ireland Limited "
                    "bzw. Vimeo.com, Inc.); eine Übermittlung in die USA ist nicht ausgeschlossen. "
                    "Rechtsgrundlage ist Ihre Einwilligung nach Art. 6 Abs. 1 lit. a DSGVO, die Sie mit "
                    "dem Klick erteilen.</p>"
                ),
            ),
            ("heading", {"text": "Ihre Rechte", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Sie haben gegenüber mir jederzeit folgende Rechte hinsichtlich Ihrer "
                    "personenbezogenen Daten:</p>"
                    "<ul>"
                    "<li>Auskunft (Art. 15 DSGVO)</li>"
                    "<li>Berichtigung (Art. 16 DSGVO)</li>"
                    "<li>Löschung (Art. 17 DSGVO)</li>"
                    "<li>Einschränkung der Verarbeitung (Art. 18 DSGVO)</li>"
                    "<li>Datenübertragbarkeit (Art. 20 DSGVO)</li>"
                    "<li>Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)</li>"
                    "<li>Widerruf einer erteilten Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO)</li>"
                    "</ul>"
                    "<p>Eine formlose E-Mail an hallo@example.org genügt. Außerdem können Sie sich bei "
                    "einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), etwa bei der Berliner "
                    "Beauftragten für Datenschutz und Informationsfreiheit.</p>"
                ),
            ),
            ("heading", {"text": "Stand", "level": "h2"}),
            ("paragraph", "<p>Stand dieser Datenschutzerklärung: Dezember 2026.</p>"),
        ],
    },
}
