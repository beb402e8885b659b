#!/usr/bin/env python3
"""Writes the flag assets the real downloader fetches: static/flags/<cc>/.

For each of the tutorial's 20 country codes, a small simplified flag as SVG
(stripes, discs, crosses and stars drawn as polygons, so every file is plain
and self-contained) and a metadata.json with the country's name. The output
is checked in; run this again after changing a flag:

    python3 scripts/make-flags.py

Python 3 standard library only. The output is deterministic (same bytes on
every run), so re-running it leaves git clean.
"""

import json
import math
import os
import sys

W, H = 60, 40  # 3:2, the most common flag proportion

NAMES = {
    "CN": "China",
    "IN": "India",
    "US": "United States",
    "ID": "Indonesia",
    "BR": "Brazil",
    "PK": "Pakistan",
    "NG": "Nigeria",
    "BD": "Bangladesh",
    "RU": "Russia",
    "JP": "Japan",
    "MX": "Mexico",
    "PH": "Philippines",
    "VN": "Vietnam",
    "ET": "Ethiopia",
    "EG": "Egypt",
    "DE": "Germany",
    "IR": "Iran",
    "TR": "Turkey",
    "CD": "Democratic Republic of the Congo",
    "FR": "France",
}


def num(x):
    """A coordinate with at most two decimals and no trailing zeros."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def rect(x, y, w, h, fill):
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{fill}"/>'


def circle(cx, cy, r, fill, extra=""):
    return f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="{fill}"{extra}/>'


def polygon(points, fill):
    pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
    return f'<polygon points="{pts}" fill="{fill}"/>'


def star_points(cx, cy, r, rotation=0.0, points=5, inner=0.382):
    """A star's outline: `points` tips on radius r, the first pointing up
    (turned by `rotation` degrees clockwise)."""
    out = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * inner
        angle = math.radians(rotation - 90 + i * 180 / points)
        out.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return out


def star(cx, cy, r, fill, rotation=0.0):
    return polygon(star_points(cx, cy, r, rotation), fill)


def hstripes(*colours):
    h = H / len(colours)
    return [rect(0, i * h, W, h, c) for i, c in enumerate(colours)]


def vstripes(*colours):
    w = W / len(colours)
    return [rect(i * w, 0, w, H, c) for i, c in enumerate(colours)]


def crescent(cx, cy, r, cut_dx, cut_r, fg, bg):
    """A crescent: a disc, with a disc of the background colour over it."""
    return [circle(cx, cy, r, fg), circle(cx + cut_dx, cy, cut_r, bg)]


def china():
    red, yellow = "#de2910", "#ffde00"
    u = W / 30  # the official construction uses a 30 x 20 grid
    parts = [rect(0, 0, W, H, red), star(5 * u, 5 * u, 3 * u, yellow)]
    for x, y in [(10, 2), (12, 4), (12, 7), (10, 9)]:
        # Each small star points at the big star's centre.
        angle = math.degrees(math.atan2(5 - y, 5 - x)) + 90
        parts.append(star(x * u, y * u, u, yellow, angle))
    return parts


def india():
    navy = "#000080"
    parts = hstripes("#ff9933", "#ffffff", "#138808")
    cx, cy, r = W / 2, H / 2, H / 6 - 0.6
    parts.append(circle(cx, cy, r, "none", f' stroke="{navy}" stroke-width="0.9"'))
    spokes = []
    for i in range(24):
        a = math.radians(i * 15)
        spokes.append(f"M{num(cx)} {num(cy)}L{num(cx + r * math.cos(a))} {num(cy + r * math.sin(a))}")
    parts.append(f'<path d="{"".join(spokes)}" stroke="{navy}" stroke-width="0.35"/>')
    parts.append(circle(cx, cy, 1, navy))
    return parts


def united_states():
    red, blue = "#b22234", "#3c3b6e"
    stripe = H / 13
    parts = [rect(0, 0, W, H, "#ffffff")]
    parts += [rect(0, i * stripe, W, stripe, red) for i in range(0, 13, 2)]
    cw, ch = W * 0.4, stripe * 7
    parts.append(rect(0, 0, cw, ch, blue))
    # 50 stars: nine rows, alternately six and five.
    dx, dy = cw / 12, ch / 10
    for row in range(9):
        cols = range(6) if row % 2 == 0 else range(5)
        for col in cols:
            x = dx * (2 * col + 1 + (row % 2))
            parts.append(star(x, dy * (row + 1), dy * 0.62, "#ffffff"))
    return parts


def indonesia():
    return hstripes("#ce1126", "#ffffff")


def brazil():
    green, yellow, blue = "#009c3b", "#ffdf00", "#002776"
    parts = [rect(0, 0, W, H, green)]
    parts.append(polygon([(W / 2, 3.4), (W - 5, H / 2), (W / 2, H - 3.4), (5, H / 2)], yellow))
    parts.append(circle(W / 2, H / 2, 8.75, blue))
    # The white band across the globe, an arc clipped to the disc.
    parts.append(
        '<clipPath id="globe"><circle cx="30" cy="20" r="8.75"/></clipPath>'
        '<path d="M18 21.5Q30 13.5 42 19.5" fill="none" stroke="#ffffff" '
        'stroke-width="1.6" clip-path="url(#globe)"/>'
    )
    for x, y, r in [(27, 24, 0.8), (31, 25.5, 0.7), (34, 23.5, 0.7), (29, 27, 0.6), (33, 21.5, 0.5)]:
        parts.append(star(x, y, r, "#ffffff"))
    return parts


def pakistan():
    green = "#01411c"
    parts = [rect(0, 0, W, H, green), rect(0, 0, W / 4, H, "#ffffff")]
    cx, cy = W * 0.625, H / 2
    parts += crescent(cx, cy, 10, 3, 8.6, "#ffffff", green)
    parts.append(star(cx + 5.4, cy - 3.6, 2.6, "#ffffff", 30))
    return parts


def nigeria():
    return vstripes("#008751", "#ffffff", "#008751")


def bangladesh():
    return [rect(0, 0, W, H, "#006a4e"), circle(W * 0.45, H / 2, W / 5, "#f42a41")]


def russia():
    return hstripes("#ffffff", "#0039a6", "#d52b1e")


def japan():
    return [rect(0, 0, W, H, "#ffffff"), circle(W / 2, H / 2, H * 0.3, "#bc002d")]


def mexico():
    parts = vstripes("#006847", "#ffffff", "#ce1126")
    cx, cy = W / 2, H / 2
    # The emblem, reduced: a wreath, the cactus and the eagle's body.
    parts.append(
        f'<path d="M{num(cx - 5.5)} {num(cy + 1)}Q{num(cx)} {num(cy + 8)} {num(cx + 5.5)} {num(cy + 1)}" '
        'fill="none" stroke="#006847" stroke-width="1.2"/>'
    )
    parts.append(rect(cx - 0.8, cy + 1, 1.6, 4, "#3a7d3a"))
    parts.append(f'<ellipse cx="{num(cx)}" cy="{num(cy - 0.5)}" rx="3.6" ry="4.2" fill="#8c5a2b"/>')
    parts.append(circle(cx + 1.4, cy - 4.2, 1.3, "#8c5a2b"))
    return parts


def philippines():
    blue, red, yellow = "#0038a8", "#ce1126", "#fcd116"
    parts = [rect(0, 0, W, H / 2, blue), rect(0, H / 2, W, H / 2, red)]
    tip = H * 0.866
    parts.append(polygon([(0, 0), (tip, H / 2), (0, H)], "#ffffff"))
    sx, sy = tip / 3, H / 2
    rays = []
    for i in range(8):
        a = math.radians(i * 45)
        rays.append((sx + 6.5 * math.cos(a - 0.16), sy + 6.5 * math.sin(a - 0.16)))
        rays.append((sx + 6.5 * math.cos(a + 0.16), sy + 6.5 * math.sin(a + 0.16)))
        rays.append((sx, sy))
    sun = "".join(
        f"M{num(sx)} {num(sy)}L{num(x1)} {num(y1)}L{num(x2)} {num(y2)}Z"
        for (x1, y1), (x2, y2) in zip(rays[0::3], rays[1::3])
    )
    parts.append(f'<path d="{sun}" fill="{yellow}"/>')
    parts.append(circle(sx, sy, 3.2, yellow))
    for x, y in [(3.2, 4), (3.2, H - 4), (tip - 4.5, H / 2)]:
        parts.append(star(x, y, 1.8, yellow))
    return parts


def vietnam():
    return [rect(0, 0, W, H, "#da251d"), star(W / 2, H / 2 + 0.8, 12, "#ffff00")]


def ethiopia():
    parts = hstripes("#078930", "#fcdd09", "#da121a")
    parts.append(circle(W / 2, H / 2, 9, "#0f47af"))
    pts = star_points(W / 2, H / 2 + 0.4, 7, inner=0.382)
    outline = " ".join(f"{num(x)},{num(y)}" for x, y in pts)
    parts.append(f'<polygon points="{outline}" fill="none" stroke="#fcdd09" stroke-width="1"/>')
    return parts


def egypt():
    gold = "#c09300"
    parts = hstripes("#ce1126", "#ffffff", "#000000")
    cx, cy = W / 2, H / 2
    # The eagle of Saladin, reduced to its silhouette.
    parts.append(
        polygon(
            [(cx, cy - 5.5), (cx + 1.6, cy - 3), (cx + 5, cy - 3.5), (cx + 3.5, cy + 2.5),
             (cx + 2, cy + 5.5), (cx - 2, cy + 5.5), (cx - 3.5, cy + 2.5), (cx - 5, cy - 3.5),
             (cx - 1.6, cy - 3)],
            gold,
        )
    )
    return parts


def germany():
    return hstripes("#000000", "#dd0000", "#ffce00")


def iran():
    green, red = "#239f40", "#da0000"
    parts = hstripes(green, "#ffffff", red)
    cx, cy = W / 2, H / 2
    # The emblem, reduced: two crescents around a sword.
    parts += [
        f'<path d="M{num(cx - 1.2)} {num(cy - 5)}A5 5 0 0 0 {num(cx - 1.2)} {num(cy + 5)}" fill="none" stroke="{red}" stroke-width="1.3"/>',
        f'<path d="M{num(cx + 1.2)} {num(cy - 5)}A5 5 0 0 1 {num(cx + 1.2)} {num(cy + 5)}" fill="none" stroke="{red}" stroke-width="1.3"/>',
        rect(cx - 0.5, cy - 5.5, 1, 11, red),
    ]
    # The white-stripe edges carry the takbir, drawn as a dotted border.
    for y in (H / 3, 2 * H / 3):
        parts.append(
            f'<path d="M1 {num(y)}H{W - 1}" stroke="#ffffff" stroke-width="0.7" stroke-dasharray="1.2 0.8"/>'
        )
    return parts


def turkey():
    red = "#e30a17"
    parts = [rect(0, 0, W, H, red)]
    parts += crescent(W * 0.36, H / 2, 10, 2.5, 8, "#ffffff", red)
    parts.append(star(W * 0.36 + 10.5, H / 2, 4, "#ffffff", -90))
    return parts


def congo():
    blue, red, yellow = "#007fff", "#ce1021", "#f7d618"
    parts = [rect(0, 0, W, H, blue)]
    # The diagonal band, from the bottom of the hoist to the top of the fly.
    parts.append(polygon([(0, H), (0, H - 9), (W - 12, 0), (W, 0), (W, 9), (12, H)], yellow))
    parts.append(polygon([(0, H), (0, H - 6), (W - 8, 0), (W, 0), (W, 6), (8, H)], red))
    parts.append(star(10, 10, 7, yellow))
    return parts


def france():
    return vstripes("#002395", "#ffffff", "#ed2939")


DRAW = {
    "CN": china,
    "IN": india,
    "US": united_states,
    "ID": indonesia,
    "BR": brazil,
    "PK": pakistan,
    "NG": nigeria,
    "BD": bangladesh,
    "RU": russia,
    "JP": japan,
    "MX": mexico,
    "PH": philippines,
    "VN": vietnam,
    "ET": ethiopia,
    "EG": egypt,
    "DE": germany,
    "IR": iran,
    "TR": turkey,
    "CD": congo,
    "FR": france,
}


def svg(cc):
    body = "\n  ".join(DRAW[cc]())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W * 2}" height="{H * 2}">\n'
        f"  <title>Flag of {NAMES[cc]}</title>\n  {body}\n</svg>\n"
    )


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "static", "flags")
    out = sys.argv[1] if len(sys.argv) > 1 else root
    for cc in NAMES:
        folder = os.path.join(out, cc.lower())
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{cc.lower()}.svg"), "w", encoding="utf-8", newline="\n") as f:
            f.write(svg(cc))
        with open(os.path.join(folder, "metadata.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps({"name": NAMES[cc], "cc": cc}) + "\n")
    print(f"wrote {len(NAMES)} flags to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
