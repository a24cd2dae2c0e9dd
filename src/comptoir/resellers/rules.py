"""The rules a shop's order must meet: a minimum of pieces per product, sizes by the pack, an order value.

One function reads them for the grid, the draft page and the placement, so the three never disagree.
Each broken rule is one French sentence naming the product or size and the figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comptoir.catalog.models import Variant
from comptoir.core.money import Money, format_money
from comptoir.pricing.models import PriceList

from .models import ProductOrderRule


@dataclass(frozen=True, slots=True)
class RuleLine:
    variant: Variant
    quantity: int


def product_rules(*, product_ids: Iterable[int]) -> dict[int, ProductOrderRule]:
    return {
        rule.product_id: rule for rule in ProductOrderRule.objects.filter(product_id__in=set(product_ids))
    }


def _cell(variant: Variant) -> str:
    options = variant.options_label
    return f"{variant.product.name} ({options})" if options else str(variant.product.name)


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One broken rule: the sentence the buyer reads, and what a program reads (the rule, the cell)."""

    rule: str  # "pack_multiple", "minimum_quantity", "first_order_minimum", "unknown_code"…
    message: str
    variant_id: int | None = None
    product_id: int | None = None
    line: int | None = None  # the number of the line the buyer sent (quick order, API), when known
    pack: int | None = None  # the number of the pack the buyer sent (API), when known
    sku: str = ""


def gift_card_message() -> str:
    return _(
        "Les cartes cadeaux sont réservées aux particuliers, sur la boutique : elles ne se commandent "
        "pas en gros."
    )


def gift_card_problem(variant: Variant, *, line: int | None = None) -> RuleProblem:
    """A gift card in a company's order: cards are for consumers (sold outside VAT, they have no
    wholesale price and no place on a company's invoice, EN 16931 BR-S-05)."""
    return RuleProblem(
        rule="gift_card",
        message=gift_card_message(),
        variant_id=variant.pk,
        product_id=variant.product_id,
        line=line,
        sku=variant.sku,
    )


def quantity_rule_problems(*, lines: Sequence[RuleLine]) -> list[RuleProblem]:
    """Sizes off their pack multiple, products under their minimum of pieces."""
    rules = product_rules(product_ids=[line.variant.product_id for line in lines])
    problems: list[RuleProblem] = []
    pieces: dict[int, int] = defaultdict(int)
    products = {}
    for line in lines:
        if line.variant.product.is_gift_card:
            problems.append(gift_card_problem(line.variant))
            continue
        pieces[line.variant.product_id] += line.quantity
        products[line.variant.product_id] = line.variant.product
        rule = rules.get(line.variant.product_id)
        if rule is not None and rule.pack_multiple > 1 and line.quantity % rule.pack_multiple:
            message = ngettext(
                "%(cell)s : se commande par %(multiple)d (%(wanted)d pièce saisie).",
                "%(cell)s : se commande par %(multiple)d (%(wanted)d pièces saisies).",
                line.quantity,
            ) % {"cell": _cell(line.variant), "multiple": rule.pack_multiple, "wanted": line.quantity}
            problems.append(
                RuleProblem(
                    rule="pack_multiple",
                    message=message,
                    variant_id=line.variant.pk,
                    product_id=line.variant.product_id,
                    sku=line.variant.sku,
                )
            )
    for product_id, count in pieces.items():
        rule = rules.get(product_id)
        if rule is not None and 0 < count < rule.minimum_quantity:
            message = _(
                "%(product)s : %(minimum)d pièces au minimum par commande (%(pieces)d pour l'instant)."
            ) % {"product": products[product_id].name, "minimum": rule.minimum_quantity, "pieces": count}
            problems.append(RuleProblem(rule="minimum_quantity", message=message, product_id=product_id))
    return problems


def quantity_problems(*, lines: Sequence[RuleLine]) -> list[str]:
    return [problem.message for problem in quantity_rule_problems(lines=lines)]


def value_rule_problems(
    *, subtotal_net: Money, first_order_minimum: Decimal, reorder_minimum: Decimal, is_first_order: bool
) -> list[RuleProblem]:
    """The order's value HT against the list's minimum for a first order or a reorder."""
    minimum = first_order_minimum if is_first_order else reorder_minimum
    if not minimum or subtotal_net.amount >= minimum:
        return []
    figures = {
        "minimum": format_money(Money(minimum, subtotal_net.currency)),
        "total": format_money(subtotal_net),
    }
    if is_first_order:
        return [
            RuleProblem(
                rule="first_order_minimum",
                message=_("Première commande : %(minimum)s HT au minimum (votre commande : %(total)s HT).")
                % figures,
            )
        ]
    return [
        RuleProblem(
            rule="reorder_minimum",
            message=_("Réassort : %(minimum)s HT au minimum (votre commande : %(total)s HT).") % figures,
        )
    ]


def draft_rule_problems(
    *, lines: Sequence[RuleLine], subtotal_net: Money, price_list: PriceList, is_first_order: bool
) -> list[RuleProblem]:
    """Every rule the whole order breaks: the draft page lists them, placing an order refuses them."""
    return quantity_rule_problems(lines=lines) + value_rule_problems(
        subtotal_net=subtotal_net,
        first_order_minimum=price_list.first_order_minimum,
        reorder_minimum=price_list.reorder_minimum,
        is_first_order=is_first_order,
    )


def draft_problems(
    *, lines: Sequence[RuleLine], subtotal_net: Money, price_list: PriceList, is_first_order: bool
) -> list[str]:
    return [
        problem.message
        for problem in draft_rule_problems(
            lines=lines, subtotal_net=subtotal_net, price_list=price_list, is_first_order=is_first_order
        )
    ]
