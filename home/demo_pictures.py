"""Pictures for the demo, drawn offline with Pillow: landscapes, a coast and a
city at dusk, with atmospheric depth and a little grain so they read as photos
or illustrations rather than as colour swatches."""

import io
import itertools
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SIZE = (1600, 900)

# (sky top, sky horizon, sun, far ridge, near ridge)
PALETTES = [
    ("#1b2a49", "#f4a259", "#ffe8b0", "#6b5a7a", "#22303c"),  # dusk in the hills
    ("#5fa8d3", "#e8f1f2", "#fffbe6", "#8fb3a1", "#2f4f3a"),  # clear morning
    ("#2d1e2f", "#d9735b", "#ffd29c", "#7c4a5a", "#261a24"),  # red evening
    ("#86a8c9", "#f1e3d3", "#ffffff", "#9aa9b8", "#3c4a59"),  # hazy winter
    ("#0f3b57", "#7fc8c9", "#f6f5d7", "#3f7d7a", "#123a3c"),  # cool lake
    ("#4a3b6b", "#f7b7a3", "#fff1d6", "#8a6b94", "#2e2440"),  # lavender
]


def rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def vertical_gradient(size, top, bottom):
    strip = Image.new("RGB", (1, 256))
    strip.putdata([mix(top, bottom, i / 255) for i in range(256)])
    return strip.resize(size, Image.Resampling.BICUBIC)


def ridge(rng, width, base, roughness, points=9):
    """A mountain line by midpoint displacement, as (x, y) pairs."""
    heights = [base + rng.uniform(-roughness, roughness) for _ in range(points)]
    line = heights
    spread = roughness
    for _ in range(5):
        spread *= 0.5
        finer = []
        for a, b in itertools.pairwise(line):
            finer += [a, (a + b) / 2 + rng.uniform(-spread, spread)]
        line = [*finer, line[-1]]
    step = width / (len(line) - 1)
    return [(round(i * step), round(y)) for i, y in enumerate(line)]


def add_grain(picture, rng, amount=14):
    noise = Image.effect_noise(picture.size, amount).convert("RGB")
    grey = Image.new("RGB", picture.size, (128, 128, 128))
    return ImageChops.add(
        picture, ImageChops.subtract(noise, grey, scale=2.5), scale=1.0, offset=0
    )


def vignette(picture):
    width, height = picture.size
    mask = Image.new("L", (width // 8, height // 8), 0)
    ImageDraw.Draw(mask).ellipse(
        (
            -width // 40,
            -height // 30,
            width // 8 + width // 40,
            height // 8 + height // 30,
        ),
        fill=255,
    )
    mask = mask.filter(ImageFilter.GaussianBlur(12)).resize(picture.size)
    dark = Image.new("RGB", picture.size, (0, 0, 0))
    return Image.composite(picture, Image.blend(picture, dark, 0.35), mask)


def landscape(rng, palette, size=SIZE, water=False):
    width, height = size
    sky_top, horizon, sun, far, near = (rgb(c) for c in palette)
    picture = vertical_gradient(size, sky_top, horizon)
    draw = ImageDraw.Draw(picture, "RGBA")
    # Sun with a soft halo.
    sx, sy = (
        rng.randint(width // 5, 4 * width // 5),
        rng.randint(height // 5, height // 2),
    )
    halo = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(halo).ellipse(
        (sx - 160, sy - 160, sx + 160, sy + 160), fill=(*sun, 90)
    )
    halo = halo.filter(ImageFilter.GaussianBlur(60))
    picture.paste(halo, (0, 0), halo)
    draw.ellipse((sx - 46, sy - 46, sx + 46, sy + 46), fill=(*sun, 255))
    # A few thin clouds.
    for _ in range(rng.randint(2, 4)):
        cx, cy = rng.randint(0, width), rng.randint(height // 10, height // 3)
        for k in range(5):
            w = rng.randint(120, 260)
            draw.ellipse(
                (cx + k * 60 - w, cy - 14, cx + k * 60 + w, cy + 14),
                fill=(*mix(horizon, (255, 255, 255), 0.5), 60),
            )
    # Ridges from far (pale, hazy) to near (dark, sharp).
    layers = 4
    land_bottom = int(height * (0.72 if water else 1.0))
    for layer in range(layers):
        t = layer / (layers - 1)
        colour = mix(mix(far, horizon, 0.45 * (1 - t)), near, t)
        base = height * (0.42 + 0.1 * layer)
        line = ridge(rng, width, base, height * (0.12 - 0.02 * layer))
        if water:
            line = [(x, min(y, land_bottom - 4)) for x, y in line]
        draw.polygon([*line, (width, land_bottom), (0, land_bottom)], fill=colour)
        if layer == layers - 1 and not water:
            # Trees on the nearest ridge.
            for x, y in line[:: rng.randint(3, 5)]:
                tree = rng.randint(28, 60)
                draw.polygon(
                    [(x, y - tree), (x - tree // 3, y + 4), (x + tree // 3, y + 4)],
                    fill=mix(near, (0, 0, 0), 0.3),
                )
    if water:
        lake = picture.crop(
            (0, land_bottom - (height - land_bottom), width, land_bottom)
        )
        lake = lake.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        lake = Image.blend(
            lake, Image.new("RGB", lake.size, mix(sky_top, near, 0.5)), 0.35
        )
        picture.paste(lake, (0, land_bottom))
        for _ in range(60):
            y = rng.randint(land_bottom + 6, height)
            x = rng.randint(0, width)
            draw.line(
                (x, y, x + rng.randint(40, 160), y), fill=(255, 255, 255, 40), width=2
            )
    return picture


def city(rng, palette, size=SIZE):
    width, height = size
    sky_top, horizon, sun, far, near = (rgb(c) for c in palette)
    picture = vertical_gradient(size, sky_top, horizon)
    draw = ImageDraw.Draw(picture, "RGBA")
    for row, shade in ((0.55, 0.35), (0.65, 0.75)):
        x = -20
        while x < width:
            w = rng.randint(60, 150)
            top = int(height * row) - rng.randint(0, int(height * 0.3))
            colour = mix(far, near, shade)
            draw.rectangle((x, top, x + w, height), fill=colour)
            if shade > 0.5:
                for wy in range(top + 14, height - 10, 26):
                    for wx in range(x + 10, x + w - 12, 22):
                        if rng.random() < 0.35:
                            draw.rectangle((wx, wy, wx + 9, wy + 13), fill=(*sun, 200))
            x += w + rng.randint(4, 18)
    return picture


def generate_picture(seed, kind=None, size=SIZE):
    """JPEG bytes of a picture chosen by `seed` (the same seed, the same picture)."""
    rng = random.Random(seed)
    palette = rng.choice(PALETTES)
    kind = kind or rng.choice(["hills", "hills", "lake", "city"])
    if kind == "city":
        picture = city(rng, palette, size)
    else:
        picture = landscape(rng, palette, size, water=kind == "lake")
    picture = add_grain(vignette(picture), rng)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=84, optimize=True)
    return buffer.getvalue()


def portrait(seed, size=(400, 400)):
    """A simple illustrated portrait: head and shoulders on a warm background."""
    rng = random.Random(seed)
    width, height = size
    background = rgb(rng.choice(["#e9c46a", "#a8dadc", "#f4a261", "#cdb4db"]))
    skin = rgb(rng.choice(["#c68642", "#e0ac69", "#8d5524", "#f1c27d"]))
    hair = rgb(rng.choice(["#2b1d14", "#4a3426", "#1c1c1c", "#6b4e2e"]))
    shirt = rgb(rng.choice(["#264653", "#2a9d8f", "#6d597a", "#3d405b"]))
    picture = vertical_gradient(size, mix(background, (255, 255, 255), 0.3), background)
    draw = ImageDraw.Draw(picture)
    cx = width // 2
    draw.ellipse((cx - 150, height - 120, cx + 150, height + 200), fill=shirt)
    draw.rectangle((cx - 28, height - 170, cx + 28, height - 100), fill=skin)
    draw.ellipse((cx - 90, 70, cx + 90, 290), fill=hair)
    draw.ellipse((cx - 75, 100, cx + 75, 280), fill=skin)
    draw.chord((cx - 80, 80, cx + 80, 200), 180, 360, fill=hair)
    for ex in (cx - 30, cx + 30):
        draw.ellipse((ex - 7, 180, ex + 7, 194), fill=(40, 30, 25))
    draw.arc((cx - 30, 210, cx + 30, 250), 20, 160, fill=(120, 50, 40), width=4)
    picture = add_grain(picture, rng, amount=8)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()
