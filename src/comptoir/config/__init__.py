# Load the Celery app with Django so that ``shared_task`` jobs bind to it (config/celery.py).
from .celery import app as celery_app

__all__ = ("celery_app",)
