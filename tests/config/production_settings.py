"""Production settings (read from the environment as on a server) with plain static files storage.

Only for tests/config/test_production_without_demo.py: the hashed, compressed static files need a
minute of ``collectstatic`` that says nothing about the demo app; `make run-scaled` covers them.
"""

from comptoir.config.settings import *  # noqa: F403
from comptoir.config.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
