"""Known vulnerabilities of every version the lock files pin, asked of PyPI's advisories by pip-audit.

Exit 1 on a known vulnerability; exit 0, saying what was not checked, when the advisory database
cannot be reached (an offline machine answers « not found » for every package, or no connection).
Usage: python scripts/audit_dependencies.py requirements.txt requirements/dev.txt
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

UNREACHABLE_HINTS = ("not found on PyPI", "ConnectionError", "NameResolutionError", "Max retries exceeded")


@dataclass(frozen=True)
class Verdict:
    failed: bool
    message: str


def verdict_of(*, lock_file: str, report: dict) -> Verdict:
    """What pip-audit's JSON report means: vulnerable, audited clean, or not checked (unreachable)."""
    dependencies = report.get("dependencies", [])
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    if vulnerable:
        lines = [
            f"  {dependency['name']} {dependency['version']}: "
            + ", ".join(
                f"{vuln['id']} (fixed in {', '.join(vuln.get('fix_versions') or ['—'])})"
                for vuln in dependency["vulns"]
            )
            for dependency in vulnerable
        ]
        return Verdict(
            True, f"{lock_file}: known vulnerabilities in {len(vulnerable)} package(s):\n" + "\n".join(lines)
        )
    skipped = [dependency for dependency in dependencies if dependency.get("skip_reason")]
    audited = len(dependencies) - len(skipped)
    if dependencies and audited == 0:
        return Verdict(
            False,
            f"{lock_file}: NOT CHECKED — PyPI's advisory database could not be reached "
            f"({len(skipped)} pinned packages not audited; "
            "run `make audit` where the network reaches pypi.org).",
        )
    note = f", {len(skipped)} skipped" if skipped else ""
    return Verdict(False, f"{lock_file}: no known vulnerability in {audited} pinned packages{note}.")


def audit(lock_file: str) -> Verdict:
    tool = shutil.which("pip-audit") or str(Path(sys.executable).with_name("pip-audit"))
    result = subprocess.run(  # noqa: S603 — our own tool on our own lock file
        [tool, "-r", lock_file, "--disable-pip", "--format", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        if any(hint in result.stderr for hint in UNREACHABLE_HINTS):
            return Verdict(False, f"{lock_file}: NOT CHECKED — the advisory database could not be reached.")
        return Verdict(True, f"{lock_file}: pip-audit failed:\n{result.stderr[-2000:]}")
    return verdict_of(lock_file=lock_file, report=report)


def main(lock_files: list[str]) -> int:
    failed = False
    for lock_file in lock_files:
        verdict = audit(lock_file)
        print(verdict.message)
        failed = failed or verdict.failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
