"""Server-side SVG charts, self-written (no chart library, nothing from a
CDN): lines for views and visitors per day, a <title> per day for pointer
readers, and the same numbers in a table next to it for everyone else."""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, mark_safe

WIDTH, HEIGHT = 720, 220
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 12, 12, 28


def nice_max(value):
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)


def points(values, top, width, height, left, top_pad):
    count = len(values)
    step = width / max(count - 1, 1)
    return [
        (round(left + i * step, 1), round(top_pad + height - (v / top) * height, 1))
        for i, v in enumerate(values)
    ]


def line_chart(rows, title, chart_id="statistik-diagramm"):
    """rows: [{"day", "views", "visitors"}]."""
    views = [row["views"] for row in rows]
    visitors = [row["visitors"] for row in rows]
    top = nice_max(max([*views, *visitors, 0]))
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    view_points = points(views, top, inner_w, inner_h, PAD_LEFT, PAD_TOP)
    visitor_points = points(visitors, top, inner_w, inner_h, PAD_LEFT, PAD_TOP)
    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" class="stats-chart__grid"/>'
        '<text x="{}" y="{}" class="stats-chart__label" text-anchor="end">{}</text>',
        (
            (
                PAD_LEFT,
                WIDTH - PAD_RIGHT,
                y,
                y,
                PAD_LEFT - 6,
                y + 4,
                f"{int(top * share):,}".replace(",", "."),
            )
            for share in (0, 0.5, 1)
            for y in [round(PAD_TOP + inner_h - share * inner_h, 1)]
        ),
    )
    first, last = rows[0]["day"], rows[-1]["day"]
    labels = format_html(
        '<text x="{}" y="{}" class="stats-chart__label">{}</text>'
        '<text x="{}" y="{}" class="stats-chart__label" text-anchor="end">{}</text>',
        PAD_LEFT,
        HEIGHT - 8,
        date_format(first, "j. M Y"),
        WIDTH - PAD_RIGHT,
        HEIGHT - 8,
        date_format(last, "j. M Y"),
    )
    step = inner_w / max(len(rows) - 1, 1)
    hover = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" class="stats-chart__day" '
        'data-day="{}" data-views="{}" data-visitors="{}">'
        "<title>{}: {} Aufrufe, {} Besucher</title></rect>",
        (
            (
                round(x - step / 2, 1),
                PAD_TOP,
                round(max(step, 1), 1),
                inner_h,
                row["day"].isoformat(),
                row["views"],
                row["visitors"],
                date_format(row["day"], "j. F Y"),
                row["views"],
                row["visitors"],
            )
            for row, (x, _y) in zip(rows, view_points, strict=True)
        ),
    )
    total_views, total_visitors = sum(views), sum(visitors)
    return format_html(
        '<svg class="stats-chart" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="{id}-titel {id}-beschreibung" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-titel">{title}</title>'
        '<desc id="{id}-beschreibung">{days} Tage: {tv} Aufrufe und {tb} Besucher insgesamt; '
        "die Zahlen je Tag stehen in der Tabelle darunter.</desc>"
        "{grid}{labels}"
        '<polyline class="stats-chart__views" fill="none" points="{vp}"/>'
        '<polyline class="stats-chart__visitors" fill="none" points="{bp}"/>'
        "{hover}</svg>",
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        title=title,
        days=len(rows),
        tv=total_views,
        tb=total_visitors,
        grid=grid,
        labels=labels,
        vp=" ".join(f"{x},{y}" for x, y in view_points),
        bp=" ".join(f"{x},{y}" for x, y in visitor_points),
        hover=hover,
    )


def sparkline(values, label):
    width, height = 160, 32
    top = max([*values, 1])
    pts = points(values, top, width - 4, height - 4, 2, 2)
    return format_html(
        '<svg class="stats-sparkline" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        '<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{}"/></svg>',
        width,
        height,
        width,
        height,
        label,
        mark_safe(" ".join(f"{x},{y}" for x, y in pts)),
    )
