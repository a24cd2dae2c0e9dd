from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from comptoir.core.addresses import PostalAddress
from comptoir.core.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields: Any) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with an email address: a customer, a reseller's buyer or staff."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("adresse e-mail"), unique=True)
    preferred_language = models.CharField(_("langue préférée"), max_length=8, default="fr")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        # The admin (« Données ») is the owner's: staff open it only with this (config/admin_site.py).
        permissions = [("open_admin", _("Ouvrir les données (l'administration)"))]

    def __str__(self) -> str:
        return self.email


class Address(TimeStampedModel):
    """An address a customer keeps for checkout: the fields of ``PostalAddress``, one of them the default.

    Orders never point here: they freeze a copy (``PostalAddress.to_dict``) when they are placed.
    """

    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="addresses",
        verbose_name=_("client"),
    )
    first_name = models.CharField(_("prénom"), max_length=80)
    last_name = models.CharField(_("nom"), max_length=80)
    company = models.CharField(_("société"), max_length=120, blank=True)
    line1 = models.CharField(_("adresse"), max_length=200)
    line2 = models.CharField(_("complément d'adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("code postal"), max_length=12)
    city = models.CharField(_("ville"), max_length=100)
    country = CountryField(_("pays"), default="FR")
    phone = models.CharField(_("téléphone"), max_length=20, blank=True)  # E.164
    is_default = models.BooleanField(_("adresse par défaut"), default=False)

    class Meta:
        verbose_name = _("adresse")
        verbose_name_plural = _("adresses")
        ordering = ["-is_default", "-updated_at", "-pk"]
        constraints = [
            # A backstop for set_default_address: at most one default per customer.
            models.UniqueConstraint(
                fields=["customer"],
                condition=models.Q(is_default=True),
                name="address_one_default_per_customer",
            ),
        ]

    def __str__(self) -> str:
        return ", ".join(self.to_postal_address().as_lines()[:-1])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def to_postal_address(self) -> PostalAddress:
        return PostalAddress(
            first_name=self.first_name,
            last_name=self.last_name,
            company=self.company,
            line1=self.line1,
            line2=self.line2,
            postcode=self.postcode,
            city=self.city,
            country=str(self.country),
            phone=self.phone,
        )
