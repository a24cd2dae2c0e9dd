"""The product page's picker: which colour and size are chosen, and what each size offers.

Works from the product's prefetched variants (no query), so the full page and the htmx partial
render the same state from the same address: ``?colour=bleu-ciel&size=39``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comptoir.catalog.models import Colour, Product, ProductImage, Size, Variant
from comptoir.inventory.models import Availability, availability_for
from comptoir.pricing.policy import PriceQuote, PricingPolicy


@dataclass(frozen=True)
class ColourChoice:
    colour: Colour
    is_selected: bool
    is_available: bool


@dataclass(frozen=True)
class SizeChoice:
    size: Size
    variant: Variant
    availability: Availability
    on_hand: int
    is_selected: bool

    @property
    def is_sold_out(self) -> bool:
        return self.availability == Availability.SOLD_OUT


@dataclass(frozen=True)
class PickerState:
    colours: list[ColourChoice]
    sizes: list[SizeChoice]
    selected_colour: Colour | None
    selected_variant: Variant | None
    quote: PriceQuote
    availability: Availability | None
    on_hand: int | None

    def images(self, images: Sequence[ProductImage]) -> list[ProductImage]:
        """The chosen colour's images first, then those for every colour; other colours last."""
        if self.selected_colour is None:
            return list(images)
        colour_id = self.selected_colour.pk

        def rank(image: ProductImage) -> int:
            if image.colour_id == colour_id:
                return 0
            return 1 if image.colour_id is None else 2

        return sorted(images, key=lambda image: (rank(image), image.position, image.pk))


def _on_hand(variant: Variant) -> int:
    """What the customer may still buy: available (on hand minus reserved), not the shelf count."""
    stock = getattr(variant, "stock", None)
    return stock.available if stock is not None else 0


def _availability(variant: Variant) -> Availability:
    stock = getattr(variant, "stock", None)
    if stock is None:
        return Availability.SOLD_OUT
    return availability_for(available=stock.available, low_stock_threshold=stock.low_stock_threshold)


def pick_variant(
    *,
    product: Product,
    variants: Sequence[Variant],
    colour_slug: str,
    size_slug: str,
    pricing_policy: PricingPolicy,
) -> PickerState:
    colours: dict[int, Colour] = {}
    colours_in_stock: set[int] = set()
    for variant in variants:
        if variant.colour is not None:
            colours.setdefault(variant.colour.pk, variant.colour)
            if _on_hand(variant) > 0:
                colours_in_stock.add(variant.colour.pk)
    ordered_colours = sorted(colours.values(), key=lambda colour: (colour.position, colour.pk))

    selected_colour = next((colour for colour in ordered_colours if colour.slug == colour_slug), None)
    if selected_colour is None and ordered_colours:
        selected_colour = next((c for c in ordered_colours if c.pk in colours_in_stock), ordered_colours[0])

    in_colour = [
        variant
        for variant in variants
        if selected_colour is None or (variant.colour is not None and variant.colour.pk == selected_colour.pk)
    ]
    sizes = [
        SizeChoice(
            size=variant.size,
            variant=variant,
            availability=_availability(variant),
            on_hand=_on_hand(variant),
            is_selected=variant.size.slug == size_slug,
        )
        for variant in sorted(in_colour, key=lambda v: (v.size.position if v.size else 0, v.pk))
        if variant.size is not None
    ]
    selected_variant = next((choice.variant for choice in sizes if choice.is_selected), None)
    if selected_variant is None and len(in_colour) == 1 and in_colour[0].size is None:
        selected_variant = in_colour[0]

    if selected_variant is not None:
        quote = pricing_policy.quote(variant=selected_variant)
        availability: Availability | None = _availability(selected_variant)
        on_hand: int | None = _on_hand(selected_variant)
    else:
        quote = (
            pricing_policy.listing_quote(product=product)
            if in_colour == []
            else _lowest_quote(pricing_policy, in_colour)
        )
        availability = None
        on_hand = None
    return PickerState(
        colours=[
            ColourChoice(
                colour=colour,
                is_selected=selected_colour is not None and colour.pk == selected_colour.pk,
                is_available=colour.pk in colours_in_stock,
            )
            for colour in ordered_colours
        ],
        sizes=sizes,
        selected_colour=selected_colour,
        selected_variant=selected_variant,
        quote=quote,
        availability=availability,
        on_hand=on_hand,
    )


def _lowest_quote(pricing_policy: PricingPolicy, variants: Sequence[Variant]) -> PriceQuote:
    quotes = [pricing_policy.quote(variant=variant) for variant in variants]
    lowest = min(quotes, key=lambda quote: quote.unit.gross.amount)
    highest = max(quote.unit.gross.amount for quote in quotes)
    if highest > lowest.unit.gross.amount:
        return PriceQuote(
            unit=lowest.unit,
            quantity=1,
            vat_rate=lowest.vat_rate,
            prices_include_tax=lowest.prices_include_tax,
            is_from_price=True,
        )
    return lowest
