"""Packshot-style illustrations of shirts for the demo shop, drawn locally with Pillow.

A shirt is a handful of flat pieces (sleeves, body, collar, placket, cuffs, pockets) laid on a warm
paper background with a soft shadow, in a single fabric (plain, striped or gingham). Everything is
drawn at twice the final size and reduced, which gives clean anti-aliased edges for little cost.
"""

from __future__ import annotations

import enum
import io
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageDraw, ImageFilter

Point = tuple[float, float]
RGB = tuple[int, int, int]

IMAGE_SIZE = (1200, 1500)  # portrait 4:5, the product page's frame
SUPERSAMPLING = 2
BACKGROUND_TOP = "#f5f2ec"
BACKGROUND_BOTTOM = "#ede7df"
SHADOW_COLOUR = "#4a3f35"


class Pattern(enum.StrEnum):
    PLAIN = "plain"
    STRIPE = "stripe"
    GINGHAM = "gingham"


class Collar(enum.StrEnum):
    POINT = "point"
    BUTTON_DOWN = "button_down"
    BAND = "band"
    CAMP = "camp"


class Silhouette(enum.StrEnum):
    SLIM = "slim"
    REGULAR = "regular"
    RELAXED = "relaxed"
    WOMEN = "women"
    OVERSHIRT = "overshirt"


class View(enum.StrEnum):
    FRONT = "front"
    DETAIL = "detail"


@dataclass(frozen=True)
class Fabric:
    """What a colour looks like on cloth."""

    base: str
    pattern: Pattern = Pattern.PLAIN
    accent: str = "#000000"  # stripe or check colour
    stripe_width: float = 7.0  # in design units (the final 1200 px wide image)
    stripe_gap: float = 22.0
    texture: float = 3.0  # strength of the weave grain, 0 for none


@dataclass(frozen=True)
class ShirtStyle:
    collar: Collar = Collar.POINT
    silhouette: Silhouette = Silhouette.REGULAR
    short_sleeves: bool = False
    pockets: int = 1  # 0, 1 (left chest) or 2 (both sides)
    pocket_flaps: bool = False
    curved_hem: bool = True
    buttons: int = 7  # on the placket, the collar button included
    horn_buttons: bool = False  # else mother-of-pearl on light cloth


@dataclass
class _Piece:
    polygon: list[Point]
    angle: float = 0.0  # direction of the stripes, in degrees from vertical
    tone: float = 1.0  # shading: < 1 darker
    casts_shadow: bool = False


@dataclass
class _Drawing:
    pieces: list[_Piece] = field(default_factory=list)
    lines: list[tuple[list[Point], float, float]] = field(default_factory=list)  # points, width, tone
    stitches: list[list[Point]] = field(default_factory=list)
    buttons: list[tuple[Point, float]] = field(default_factory=list)  # centre, radius


def render_shirt(
    *, style: ShirtStyle, fabric: Fabric, view: View = View.FRONT, size: tuple[int, int] = IMAGE_SIZE
) -> bytes:
    """A JPEG of the shirt, ``size`` pixels (4:5 portrait by default)."""
    width, height = size
    scale = width / IMAGE_SIZE[0]
    zoom, focus = (1.12, (600.0, 705.0)) if view == View.FRONT else (2.3, (600.0, 520.0))
    drawing = _shirt_drawing(style)
    ss = SUPERSAMPLING

    def to_px(point: Point) -> Point:
        x, y = point
        return (
            ((x - focus[0]) * zoom + IMAGE_SIZE[0] / 2) * scale * ss,
            ((y - focus[1]) * zoom + IMAGE_SIZE[1] / 2) * scale * ss,
        )

    unit = zoom * scale * ss  # pixels per design unit
    base = _rgb(fabric.base)
    # The garment is drawn at twice the size with its own mask, then reduced: clean edges, cheap.
    garment = Image.new("RGB", (width * ss, height * ss), base)
    garment_mask = Image.new("L", garment.size, 0)
    mask_draw = ImageDraw.Draw(garment_mask)
    polygons = [[to_px(p) for p in piece.polygon] for piece in drawing.pieces]
    for piece, polygon in zip(drawing.pieces, polygons, strict=True):
        if piece.casts_shadow:
            _soft_shadow(garment, polygon, unit, base)
        _fill_piece(garment, polygon, fabric, piece.angle, piece.tone, unit)
        mask_draw.polygon(polygon, fill=255)

    draw = ImageDraw.Draw(garment)
    for points, line_width, tone in drawing.lines:
        draw.line(
            [to_px(p) for p in points], fill=_seam_colour(base, tone), width=max(1, round(line_width * unit))
        )
    for points in drawing.stitches:
        _dashed(draw, [to_px(p) for p in points], _seam_colour(base, 0.9), unit)
    for centre, radius in drawing.buttons:
        _button(draw, to_px(centre), radius * unit, base, horn=style.horn_buttons)

    garment, garment_mask = garment.reduce(ss), garment_mask.reduce(ss)
    box = garment_mask.getbbox()
    if fabric.texture and box is not None:
        _weave(garment, box, fabric.texture)
    image = _background(width, height)
    _cast_shadow(image, [[(x / ss, y / ss) for x, y in polygon] for polygon in polygons], unit / ss)
    image.paste(garment, (0, 0), garment_mask)
    buffer = io.BytesIO()
    # The original is only read to make the renditions, never served: a plain, quick JPEG will do.
    image.save(buffer, format="JPEG", quality=86)
    return buffer.getvalue()


# --- Geometry, in design units on a 1200 × 1500 canvas ---------------------------------------------

CENTRE_X = 600.0


def _mirror(points: Sequence[Point]) -> list[Point]:
    return [(2 * CENTRE_X - x, y) for x, y in points]


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _along(origin: Point, angle: float, distance: float) -> Point:
    """The point ``distance`` away from ``origin``, heading down-left ``angle`` degrees from vertical."""
    radians = math.radians(angle)
    return (origin[0] - math.sin(radians) * distance, origin[1] + math.cos(radians) * distance)


def _curve(a: Point, control: Point, b: Point, steps: int = 12) -> list[Point]:
    """A quadratic Bézier from ``a`` to ``b``."""
    return [
        _lerp(_lerp(a, control, t), _lerp(control, b, t), t) for t in (i / steps for i in range(steps + 1))
    ]


@dataclass(frozen=True)
class _Proportions:
    shoulder: float  # half-widths
    chest: float
    waist: float
    hem: float
    hem_y: float  # where the side seams end
    sleeve_angle: float  # degrees away from the body
    sleeve_length: float
    cuff_width: float
    neck: float


_PROPORTIONS: dict[Silhouette, _Proportions] = {
    Silhouette.SLIM: _Proportions(238, 232, 214, 224, 1055, 17, 585, 100, 72),
    Silhouette.REGULAR: _Proportions(250, 246, 240, 244, 1060, 18, 590, 106, 74),
    Silhouette.RELAXED: _Proportions(266, 264, 262, 266, 1050, 20, 585, 116, 76),
    Silhouette.WOMEN: _Proportions(214, 212, 188, 222, 1030, 16, 560, 92, 66),
    Silhouette.OVERSHIRT: _Proportions(272, 270, 270, 270, 1045, 21, 580, 120, 80),
}

NECK_Y = 330.0
SHOULDER_DROP = 48.0
ARMHOLE_DEPTH = 215.0


def _shirt_drawing(style: ShirtStyle) -> _Drawing:
    shape = _PROPORTIONS[style.silhouette]
    drawing = _Drawing()
    cx = CENTRE_X
    shoulder_y = NECK_Y + SHOULDER_DROP
    neck_left = (cx - shape.neck, NECK_Y + 4)
    shoulder_left = (cx - shape.shoulder, shoulder_y)
    armhole_left = (cx - shape.chest, shoulder_y + ARMHOLE_DEPTH)
    waist_y = (armhole_left[1] + shape.hem_y) / 2
    hem_left = (cx - shape.hem, shape.hem_y)
    hem_dip = 50.0 if style.curved_hem else 0.0

    _add_sleeves(drawing, style, shape, shoulder_left, armhole_left)

    # Body: shoulders, sides that follow the silhouette, and the hem (curved shirt-tail or straight).
    side = _curve(armhole_left, (cx - shape.waist * 0.98, waist_y), hem_left, 10)
    hem = _curve(
        hem_left, (cx - shape.hem * 0.5, shape.hem_y + hem_dip * 2.0), (cx, shape.hem_y + hem_dip), 10
    )
    body_left = [neck_left, shoulder_left, *side, *hem[1:]]
    body = body_left + _mirror(body_left[::-1])[1:]
    drawing.pieces.append(_Piece(body, angle=0))
    for flip in (list, _mirror):
        armhole = _curve(shoulder_left, (armhole_left[0] + 14, armhole_left[1] - 110), armhole_left, 8)
        drawing.lines.append((flip(armhole), 1.2, 0.9))
        drawing.stitches.append(flip([(x + 9, y + 2) for x, y in armhole[:-1]]))
        drawing.lines.append((flip([neck_left, shoulder_left]), 1.0, 0.93))
    drawing.stitches.append([(x, y - 10) for x, y in hem] + [(2 * cx - x, y - 10) for x, y in hem[::-1]])

    # Placket, down the centre front, and its buttons.
    placket_half = 26.0 if style.silhouette != Silhouette.OVERSHIRT else 30.0
    # an open camp collar shows no placket above the first button
    placket_top = NECK_Y + 64 if style.collar != Collar.CAMP else NECK_Y + 236
    placket_bottom = shape.hem_y + hem_dip - 3
    placket = [
        (cx - placket_half, placket_top),
        (cx + placket_half, placket_top),
        (cx + placket_half, placket_bottom - 1),
        (cx - placket_half, placket_bottom),
    ]
    drawing.pieces.append(_Piece(placket, angle=0, tone=1.0))
    drawing.lines.append(
        ([(cx + placket_half, placket_top), (cx + placket_half, placket_bottom - 1)], 1.5, 0.82)
    )
    drawing.stitches.append(
        [(cx - placket_half + 6, placket_top + 24), (cx - placket_half + 6, placket_bottom - 8)]
    )
    first_button = NECK_Y + 170 if style.collar != Collar.CAMP else NECK_Y + 250
    spacing = (shape.hem_y - 40 - first_button) / max(style.buttons - 2, 1)
    button_radius = 8.5 if style.silhouette != Silhouette.OVERSHIRT else 11.0
    for index in range(style.buttons - 1):
        drawing.buttons.append(((cx, first_button + index * spacing), button_radius))

    _add_pockets(drawing, style, button_radius)
    _add_collar(drawing, style, shape.neck)
    return drawing


def _add_sleeves(
    drawing: _Drawing, style: ShirtStyle, shape: _Proportions, shoulder: Point, armhole: Point
) -> None:
    """Sleeves lie beside the body, open by a few degrees, under it."""
    angle = shape.sleeve_angle + (12 if style.short_sleeves else 0)
    length = shape.sleeve_length if not style.short_sleeves else 250.0
    outer_end = _along(shoulder, angle, length)
    end_width = shape.cuff_width if not style.short_sleeves else 150.0
    # across the sleeve, towards the body
    inner_end = (
        outer_end[0] + math.cos(math.radians(angle)) * end_width,
        outer_end[1] + math.sin(math.radians(angle)) * end_width,
    )
    inner_start = (armhole[0] + 2, armhole[1] - 4)
    band = 74.0 if not style.short_sleeves else 30.0
    outer_band = _along(shoulder, angle, length - band)
    inner_band = _lerp(inner_end, inner_start, band / math.dist(inner_end, inner_start))
    sleeve = [(shoulder[0] + 6, shoulder[1] - 2), outer_band, inner_band, inner_start]
    cuff = [outer_band, inner_band, inner_end, outer_end]
    for flip, sign in ((list, 1), (_mirror, -1)):
        drawing.pieces.append(_Piece(flip(sleeve), angle=-angle * sign, tone=0.965))
        if style.short_sleeves:
            drawing.pieces.append(_Piece(flip(cuff), angle=-angle * sign, tone=0.985))
            drawing.lines.append((flip([outer_band, inner_band]), 1.2, 0.86))
            drawing.stitches.append(
                flip([_lerp(outer_band, outer_end, 0.55), _lerp(inner_band, inner_end, 0.55)])
            )
            continue
        drawing.pieces.append(_Piece(flip(cuff), angle=-angle * sign + 90, tone=0.99, casts_shadow=True))
        drawing.stitches.append(
            flip([_lerp(outer_band, outer_end, 0.12), _lerp(inner_band, inner_end, 0.12)])
        )
        drawing.stitches.append(
            flip([_lerp(outer_band, outer_end, 0.88), _lerp(inner_band, inner_end, 0.88)])
        )
        # the sleeve placket, the two pleats at the cuff and the cuff button
        slit_foot = _lerp(outer_band, inner_band, 0.68)
        drawing.lines.append((flip([slit_foot, _along(slit_foot, angle, -120)]), 1.3, 0.86))
        for t in (0.3, 0.42):
            pleat = _lerp(outer_band, inner_band, t)
            drawing.lines.append((flip([pleat, _along(pleat, angle, -26)]), 1.0, 0.9))
        drawing.buttons.append(
            (flip([_lerp(_lerp(outer_band, outer_end, 0.5), _lerp(inner_band, inner_end, 0.5), 0.8)])[0], 6.5)
        )


def _add_pockets(drawing: _Drawing, style: ShirtStyle, button_radius: float) -> None:
    """A chest pocket on the wearer's left (the viewer's right), or two with flaps on an overshirt."""
    sides = [1] if style.pockets == 1 else [1, -1] if style.pockets >= 2 else []
    width = 112.0 if style.silhouette != Silhouette.OVERSHIRT else 128.0
    top = NECK_Y + 200
    for side in sides:
        left = CENTRE_X + 72 if side > 0 else CENTRE_X - 72 - width
        bottom = top + (126 if not style.pocket_flaps else 146)
        pocket = [
            (left, top),
            (left + width, top),
            (left + width, bottom),
            (left + width / 2, bottom + (16 if not style.pocket_flaps else 0)),
            (left, bottom),
        ]
        drawing.pieces.append(_Piece(pocket, angle=0, tone=0.985))
        drawing.lines.append(([*pocket, pocket[0]], 1.1, 0.86))
        drawing.stitches.append([(left + 7, top + 18), (left + width - 7, top + 18)])
        if style.pocket_flaps:
            flap = [
                (left - 4, top - 8),
                (left + width + 4, top - 8),
                (left + width + 4, top + 40),
                (left + width / 2, top + 56),
                (left - 4, top + 40),
            ]
            drawing.pieces.append(_Piece(flap, angle=90, tone=1.0, casts_shadow=True))
            drawing.lines.append(([*flap, flap[0]], 1.1, 0.86))
            drawing.stitches.append(
                [(left + 4, top + 32), (left + width / 2, top + 47), (left + width - 4, top + 32)]
            )
            drawing.buttons.append(((left + width / 2, top + 36), button_radius * 0.85))


def _add_collar(drawing: _Drawing, style: ShirtStyle, neck: float) -> None:
    cx, y = CENTRE_X, NECK_Y
    # The back of the collar, folded over behind the neck, and a sliver of the inside below it.
    back = [
        *_curve((cx - neck - 50, y + 28), (cx, y - 70), (cx + neck + 50, y + 28), 14),
        *_curve((cx + neck + 8, y + 24), (cx, y - 6), (cx - neck - 8, y + 24), 14),
    ]
    inside = [
        *_curve((cx - neck, y + 20), (cx, y - 10), (cx + neck, y + 20), 12),
        *_curve((cx + neck, y + 20), (cx, y + 64), (cx - neck, y + 20), 12),
    ]
    if style.collar == Collar.CAMP:
        # An open collar lying flat on the shoulders, its lapels meeting in a V at the first button.
        v_bottom = (cx, y + 238)
        drawing.pieces.append(_Piece([(cx - neck, y + 12), (cx + neck, y + 12), v_bottom], angle=0, tone=0.8))
        drawing.pieces.append(_Piece(back, angle=90, tone=0.97))
        drawing.lines.append((back[:15], 1.0, 0.9))
        lapel = [
            (cx - neck - 6, y + 8),
            (cx - neck - 70, y + 30),
            (cx - neck - 52, y + 132),
            (cx - 44, y + 200),
            v_bottom,
            (cx - 14, y + 150),
            (cx - neck + 22, y + 28),
        ]
        for flip in (list, _mirror):
            drawing.pieces.append(_Piece(flip(lapel), angle=32, tone=1.06, casts_shadow=True))
            drawing.lines.append((flip(lapel[1:5]), 1.1, 0.88))
            drawing.stitches.append(
                flip(
                    [
                        _lerp(lapel[1], lapel[2], 0.12),
                        _lerp(lapel[1], lapel[2], 0.9),
                        _lerp(lapel[2], lapel[3], 0.15),
                    ]
                )
            )
        return

    drawing.pieces.append(_Piece(inside, angle=90, tone=0.84))
    drawing.pieces.append(_Piece(back, angle=90, tone=0.97))
    drawing.lines.append((back[:15], 1.0, 0.9))
    # The stand, round the neck, closed by the collar button.
    stand = [
        *_curve((cx - neck - 4, y + 8), (cx, y + 58), (cx + neck + 4, y + 8), 12),
        *_curve((cx + neck + 2, y + 40), (cx, y + 110), (cx - neck - 2, y + 40), 12),
    ]
    drawing.pieces.append(_Piece(stand, angle=90, tone=0.985, casts_shadow=style.collar == Collar.BAND))
    drawing.buttons.append(((cx, y + 60), 6.5))
    if style.collar == Collar.BAND:
        drawing.stitches.append(_curve((cx - neck + 4, y + 36), (cx, y + 96), (cx + neck - 4, y + 36), 12))
        return
    # Point and button-down collars: two leaves from the neck to their points, meeting under the button.
    point = (cx - 76, y + 168) if style.collar == Collar.POINT else (cx - 66, y + 150)
    leaf = [
        (cx - neck - 10, y + 2),
        (cx - neck - 52, y + 30),
        point,
        (cx - 6, y + 78),
        (cx - 10, y + 44),
    ]
    for flip in (list, _mirror):
        drawing.pieces.append(_Piece(flip(leaf), angle=24, tone=1.02, casts_shadow=True))
        drawing.lines.append((flip([leaf[1], leaf[2], leaf[3]]), 1.0, 0.9))
        drawing.stitches.append(
            flip([_lerp(leaf[1], leaf[2], 0.07), _lerp(leaf[1], leaf[2], 0.92), _lerp(leaf[2], leaf[3], 0.1)])
        )
        if style.collar == Collar.BUTTON_DOWN:
            drawing.buttons.append((flip([_lerp(point, (cx - 40, y + 80), 0.18)])[0], 5.0))


# --- Painting -----------------------------------------------------------------------------------------


def _rgb(hex_code: str) -> RGB:
    value = hex_code.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _shade(colour: RGB, factor: float) -> RGB:
    return tuple(max(0, min(255, round(channel * factor))) for channel in colour)  # type: ignore[return-value]


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _luminance(colour: RGB) -> float:
    r, g, b = colour
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def _seam_colour(base: RGB, tone: float) -> RGB:
    # Dark cloth shows its seams lighter than light cloth does, or they vanish.
    if _luminance(base) < 0.3:
        return _mix(base, (255, 255, 255), (1 - tone) * 0.9)
    return _shade(base, tone)


def _background(width: int, height: int) -> Image.Image:
    """Warm paper, a shade darker towards the bottom, as under a soft top light."""
    image = Image.new("RGB", (width, height), BACKGROUND_TOP)
    draw = ImageDraw.Draw(image)
    top, bottom = _rgb(BACKGROUND_TOP), _rgb(BACKGROUND_BOTTOM)
    bands = 48  # a few levels of difference only: more bands would not show
    for index in range(bands):
        y = height * index // bands
        draw.rectangle(
            (0, y, width, height * (index + 1) // bands), fill=_mix(top, bottom, index / (bands - 1))
        )
    return image


def _cast_shadow(canvas: Image.Image, polygons: list[list[Point]], unit: float) -> None:
    """A soft shadow under the whole garment, computed small and blown up (blur is costly)."""
    factor = 8
    small = Image.new("L", (canvas.width // factor, canvas.height // factor), 0)
    draw = ImageDraw.Draw(small)
    offset_x, offset_y = 7 * unit / factor, 16 * unit / factor
    for polygon in polygons:
        draw.polygon([(x / factor + offset_x, y / factor + offset_y) for x, y in polygon], fill=255)
    wide = small.filter(ImageFilter.GaussianBlur(22 * unit / factor)).point(lambda v: v * 0.30)
    close = small.filter(ImageFilter.GaussianBlur(5 * unit / factor)).point(lambda v: v * 0.22)
    mask = ImageChops.add(wide, close)
    box = mask.getbbox()
    if box is None:
        return
    # blow up only the part of the mask where there is a shadow
    region = mask.crop(box).resize(
        ((box[2] - box[0]) * factor, (box[3] - box[1]) * factor), Image.Resampling.BILINEAR
    )
    left, top = box[0] * factor, box[1] * factor
    canvas.paste(_rgb(SHADOW_COLOUR), (left, top, left + region.width, top + region.height), region)


def _soft_shadow(canvas: Image.Image, polygon: list[Point], unit: float, cloth: RGB) -> None:
    """The small shadow a collar leaf or a flap throws on the cloth beneath (blurred at a quarter size)."""
    factor = 4
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    pad = int(24 * unit)
    left, top = int(min(xs)) - pad, int(min(ys)) - pad
    size = ((int(max(xs)) + pad - left) // factor + 1, (int(max(ys)) + pad - top) // factor + 1)
    shift = 5 * unit
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon(
        [((x - left + shift * 0.4) / factor, (y - top + shift) / factor) for x, y in polygon], fill=110
    )
    mask = mask.filter(ImageFilter.GaussianBlur(6 * unit / factor))
    mask = mask.resize((size[0] * factor, size[1] * factor), Image.Resampling.BILINEAR)
    canvas.paste(_shade(cloth, 0.55), (left, top, left + mask.width, top + mask.height), mask)


def _fill_piece(
    canvas: Image.Image, polygon: list[Point], fabric: Fabric, angle: float, tone: float, unit: float
) -> None:
    base = _shade(_rgb(fabric.base), tone)
    if fabric.pattern == Pattern.PLAIN:
        ImageDraw.Draw(canvas).polygon(polygon, fill=base)
        return
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    left, top, right, bottom = int(min(xs)) - 1, int(min(ys)) - 1, int(max(xs)) + 2, int(max(ys)) + 2
    size = (right - left, bottom - top)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon([(x - left, y - top) for x, y in polygon], fill=255)
    layer = Image.new("RGB", size, base)
    accent = _shade(_rgb(fabric.accent), tone)
    if fabric.pattern == Pattern.STRIPE:
        _stripes(layer, (left, top), angle, fabric, unit, accent)
    else:
        # Gingham: two sets of half-tone bands; where they cross, the colour is nearly full.
        for band_angle in (angle, angle + 90):
            bands = Image.new("RGB", size, base)
            _stripes(bands, (left, top), band_angle, fabric, unit, accent)
            layer = Image.blend(layer, ImageChops.darker(layer, bands), 0.55)
    canvas.paste(layer, (left, top), mask)


def _stripes(
    layer: Image.Image, origin: tuple[int, int], angle: float, fabric: Fabric, unit: float, colour: RGB
) -> None:
    """Parallel bands across ``layer``, phased on the whole canvas so that neighbouring pieces match."""
    draw = ImageDraw.Draw(layer)
    radians = math.radians(angle)
    direction = (math.sin(radians), math.cos(radians))  # along the stripe
    normal = (math.cos(radians), -math.sin(radians))  # across the stripes
    period = (fabric.stripe_width + fabric.stripe_gap) * unit
    stripe = fabric.stripe_width * unit
    corners = [(origin[0] + x, origin[1] + y) for x in (0, layer.width) for y in (0, layer.height)]
    across = [c[0] * normal[0] + c[1] * normal[1] for c in corners]
    along = [c[0] * direction[0] + c[1] * direction[1] for c in corners]
    start, end = math.floor(min(across) / period) - 1, math.ceil(max(across) / period) + 1
    low, high = min(along) - 10, max(along) + 10
    for index in range(start, end):
        offset = index * period
        quad = []
        for a, s in ((offset, low), (offset + stripe, low), (offset + stripe, high), (offset, high)):
            quad.append(
                (a * normal[0] + s * direction[0] - origin[0], a * normal[1] + s * direction[1] - origin[1])
            )
        draw.polygon(quad, fill=colour)


def _dashed(draw: ImageDraw.ImageDraw, points: list[Point], colour: RGB, unit: float) -> None:
    dash, gap = 7 * unit, 5 * unit
    width = max(1, round(0.9 * unit))
    carry = 0.0
    for a, b in itertools.pairwise(points):
        length = math.dist(a, b)
        position = carry
        while position < length:
            stop = min(position + dash, length)
            draw.line([_lerp(a, b, position / length), _lerp(a, b, stop / length)], fill=colour, width=width)
            position += dash + gap
        carry = position - length


def _button(draw: ImageDraw.ImageDraw, centre: Point, radius: float, cloth: RGB, *, horn: bool) -> None:
    # Mother-of-pearl on light cloth, horn-brown on dark cloth (or wherever asked for).
    dark_cloth = _luminance(cloth) < 0.45
    if horn:
        face, rim = ((112, 88, 66), (78, 60, 45)) if not dark_cloth else ((92, 74, 58), (58, 46, 36))
    elif dark_cloth:
        face, rim = (74, 62, 52), (48, 40, 34)
    else:
        face = (250, 248, 243)
        rim = _shade(face, 0.78)
    x, y = centre
    draw.ellipse(
        (x - radius, y - radius + radius * 0.18, x + radius, y + radius + radius * 0.18),
        fill=_shade(cloth, 0.8),
    )
    draw.ellipse(
        (x - radius, y - radius, x + radius, y + radius),
        fill=face,
        outline=rim,
        width=max(1, round(radius / 7)),
    )
    hole = radius * 0.16
    for dx in (-radius * 0.3, radius * 0.3):
        draw.ellipse((x + dx - hole, y - hole, x + dx + hole, y + hole), fill=rim)


def _weave(image: Image.Image, box: tuple[int, int, int, int], strength: float) -> None:
    """A faint grain on the cloth: flat colour reads as plastic, grain reads as cotton.

    The noise is made on a small tile and repeated: noise for a whole image costs ten times more.
    """
    region = image.crop(box)
    tile = Image.effect_noise((256, 256), strength * 6).point(lambda v: 128 + (v - 128) * 0.5)
    grain = Image.new("L", region.size)
    for x in range(0, region.width, tile.width):
        for y in range(0, region.height, tile.height):
            grain.paste(tile, (x, y))
    image.paste(ImageChops.overlay(region, Image.merge("RGB", (grain, grain, grain))), box[:2])
