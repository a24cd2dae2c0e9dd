"""The boutique cart's limits, shared with the checkout that enforces them again."""

# A boutique customer buying more than this of one shirt is a typo or a reseller: the reseller space
# has its own rules (size runs, minimums); the cart and the checkout refuse it with a clear message.
MAX_QUANTITY_PER_LINE = 10
