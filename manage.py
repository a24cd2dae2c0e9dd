#!/usr/bin/env python
import os
import sys


def main() -> None:
    # The sources, also where the package is not installed (a PaaS installs only requirements.txt).
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comptoir.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
