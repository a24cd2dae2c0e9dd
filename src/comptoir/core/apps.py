from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "comptoir.core"
    label = "core"

    def ready(self) -> None:
        from .audit import record_nothing_outside_staff_requests

        record_nothing_outside_staff_requests()
