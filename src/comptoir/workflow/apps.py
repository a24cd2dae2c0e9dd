from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    """The order's use cases that cross payments, invoicing and fulfillment; no models of its own."""

    name = "comptoir.workflow"
    label = "workflow"
