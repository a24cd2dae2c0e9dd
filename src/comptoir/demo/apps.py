from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Maison Lavande, the demo shop: its catalogue, drawn pictures, shipping, pages, legal texts,
    resellers, events and eight weeks of replayed sales, built by ``manage.py demo_shop``.

    An interface-level app: it calls every domain app's services, and none of them knows it. Production
    leaves it out of ``INSTALLED_APPS`` (``COMPTOIR_DEMO_APP``).
    """

    name = "comptoir.demo"
    label = "demo"
    verbose_name = "Boutique de démonstration"
