"""The demo shop, an app of its own: nothing in the domain apps imports it (see apps.py)."""
