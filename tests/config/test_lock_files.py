"""Installs read lock files with hashes; the production lock leaves the demo and the tests out."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts.audit_dependencies import verdict_of

ROOT = Path(__file__).resolve().parents[2]


def pins(lock_file: str) -> dict[str, str]:
    text = (ROOT / lock_file).read_text()
    blocks = re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", text, re.M)
    for name, version, hashes in blocks:
        assert "--hash=sha256:" in hashes, f"{lock_file}: {name}=={version} has no hash"
    return {canonicalize_name(name): version for name, version, _ in blocks}


def declared(*extras: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(requirement).name) for requirement in wanted}


def test_production_lock_pins_every_dependency_with_a_hash_and_nothing_of_the_demo_or_the_tests():
    production = pins("requirements.txt")
    assert declared("s3") <= set(production)
    assert not (declared("demo", "dev") - declared("s3")) & set(production)
    assert "time-machine" not in production and "pytest" not in production


def test_development_lock_pins_what_make_test_and_make_run_need():
    development = pins("requirements/dev.txt")
    assert declared("s3", "demo", "dev") <= set(development)
    production = pins("requirements.txt")
    # One shop, one set of versions: what both files pin, they pin alike.
    assert {name: development[name] for name in production} == production


def test_the_audit_fails_on_a_known_vulnerability_and_says_when_it_could_not_check():
    vulnerable = {
        "dependencies": [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"]}],
            },
            {"name": "nh3", "version": "0.2.0", "vulns": []},
        ]
    }
    verdict = verdict_of(lock_file="requirements.txt", report=vulnerable)
    assert verdict.failed
    assert "django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)" in verdict.message

    offline = {
        "dependencies": [
            {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited"}
        ]
    }
    verdict = verdict_of(lock_file="requirements.txt", report=offline)
    assert not verdict.failed and "NOT CHECKED" in verdict.message

    clean = {"dependencies": [{"name": "django", "version": "5.2.20", "vulns": []}]}
    verdict = verdict_of(lock_file="requirements.txt", report=clean)
    assert not verdict.failed and "no known vulnerability in 1 pinned packages" in verdict.message
