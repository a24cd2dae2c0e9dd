"""A postal address as a value: what an order freezes, an address book saves and a label prints.

Validation (postcode per country, phone number) happens where a person types it (checkout forms);
this value only carries it, to and from the JSON an order keeps.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class PostalAddress:
    first_name: str
    last_name: str
    line1: str
    postcode: str
    city: str
    country: str  # ISO 3166-1 alpha-2, upper case: "FR"
    line2: str = ""
    company: str = ""
    phone: str = ""  # E.164: "+33612345678"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def as_lines(self) -> list[str]:
        """The address as it is written on an envelope, French style."""
        lines = [self.full_name, self.company, self.line1, self.line2, f"{self.postcode} {self.city}".strip()]
        return [line for line in lines if line] + [self.country]

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PostalAddress:
        known = {field.name for field in fields(cls)}
        return cls(**{key: str(value) for key, value in data.items() if key in known})
