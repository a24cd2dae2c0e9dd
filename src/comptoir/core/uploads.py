"""Every uploaded file is checked before anything is written: what it is, how big, how big once opened.

Images (product photos, post and event covers): at most ``COMPTOIR_MAX_IMAGE_BYTES``; a JPEG, PNG,
WebP or GIF whose content matches its name (a PDF or a web page renamed ``.jpg`` is refused); at most
``COMPTOIR_MAX_IMAGE_PIXELS`` declared pixels: a decompression bomb (a tiny file claiming 30,000 x
30,000 pixels) is refused from its header, before Pillow decodes a byte of it.

Text files (the catalogue sheet, ColiShip's export, a reseller's quick order): at most
``COMPTOIR_MAX_SHEET_BYTES``, and text: a PDF, a spreadsheet archive, an image, a program or a web page
under a ``.csv`` name is refused.
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import PurePath
from typing import IO, Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# The formats a browser shows, by the extensions a file may carry for each.
IMAGE_FORMATS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}, "GIF": {".gif"}}

# What a file that is not text starts with (its "magic number"), and what to call it.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP / Excel"),
    (b"\xd0\xcf\x11\xe0", "Excel 97"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"RIFF", "WebP"),
    (b"\x7fELF", "ELF"),
    (b"MZ", "EXE"),
    (b"\x1f\x8b", "gzip"),
)
MARKUP_STARTS = ("<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe")


def _too_large(limit: int) -> ValidationError:
    return ValidationError(
        _("Le fichier est trop lourd : %(limit)s au plus.") % {"limit": filesizeformat(limit)},
        code="file_too_large",
    )


def validate_image_upload(upload: Any) -> None:
    """Refuses a file that is too large, not an image, not the image its name says, or a bomb."""
    if getattr(upload, "_committed", False):
        return  # a file already stored (checked when it came in): re-saving its object reads nothing
    limit = settings.COMPTOIR_MAX_IMAGE_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise _too_large(limit)
    stream: IO[bytes] = upload.file if hasattr(upload, "file") and upload.file is not None else upload
    position = stream.tell() if hasattr(stream, "tell") else 0
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; ours, lower, is checked just after.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(stream) as image:  # reads the header only
                image_format, (width, height) = image.format, image.size
    except Image.DecompressionBombError as error:
        raise _bomb() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Ce fichier n'est pas une image (JPEG, PNG, WebP ou GIF)."), code="not_an_image"
        ) from error
    finally:
        if hasattr(stream, "seek"):
            stream.seek(position)
    if width * height > settings.COMPTOIR_MAX_IMAGE_PIXELS:
        raise _bomb()
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Format d'image refusé (%(format)s) : JPEG, PNG, WebP ou GIF.") % {"format": image_format},
            code="image_format",
        )
    extension = PurePath(str(getattr(upload, "name", "") or "")).suffix.lower()
    if extension and extension not in IMAGE_FORMATS[image_format]:
        raise ValidationError(
            _("Ce fichier se dit « %(extension)s » mais c'est une image %(format)s : renommez-le.")
            % {"extension": extension, "format": image_format},
            code="image_extension",
        )


def _bomb() -> ValidationError:
    pixels = settings.COMPTOIR_MAX_IMAGE_PIXELS
    return ValidationError(
        _("Cette image annonce des dimensions démesurées : %(megapixels)d mégapixels au plus.")
        % {"megapixels": pixels // 1_000_000},
        code="image_too_many_pixels",
    )


def check_text_content(content: bytes) -> None:
    """Refuses bytes that are not a text file (CSV, TXT): a known binary format, NUL bytes, a web page."""
    for signature, name in BINARY_SIGNATURES:
        if content.startswith(signature):
            message = _("Ce fichier n'est pas un fichier texte (CSV) : c'est un fichier %(kind)s.")
            raise ValidationError(message % {"kind": name}, code="not_text")
    head = content[:8192]
    if b"\x00" in head:
        raise ValidationError(_("Ce fichier n'est pas un fichier texte (CSV)."), code="not_text")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").decode("latin-1").lower()
    if start.startswith(MARKUP_STARTS):
        raise ValidationError(
            _("Ce fichier est une page web (HTML), pas un fichier texte (CSV)."), code="not_text"
        )


def read_text_upload(*, upload: Any, max_bytes: int | None = None) -> bytes:
    """The content of an uploaded text file, or ValidationError (too large, not text). Nothing kept."""
    limit = max_bytes if max_bytes is not None else settings.COMPTOIR_MAX_SHEET_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise _too_large(limit)
    content: bytes = upload.read(limit + 1)
    if len(content) > limit:
        raise _too_large(limit)
    check_text_content(content)
    return content


def validate_text_upload(upload: Any) -> None:
    """As a form field's validator: reads the file, checks it, rewinds it for the view."""
    read_text_upload(upload=upload)
    upload.seek(0)


class CheckedImageFormField(forms.ImageField):
    """The admin's image field: our checks (with their clear messages) before Django's own."""

    def to_python(self, data: Any) -> Any:
        if data not in self.empty_values and hasattr(data, "size"):
            validate_image_upload(data)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose uploads go through ``validate_image_upload`` (forms and ``full_clean``)."""

    default_validators = [validate_image_upload]

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})

    def update_dimension_fields(self, instance: Any, force: bool = False, *args: Any, **kwargs: Any) -> None:
        """Fills the width and height fields; a stored file that cannot be read leaves them unknown (0).

        Django reads the file whenever a row with an image but no size is loaded: without this, one cover
        whose file was lost would break every page that lists its post.
        """
        with contextlib.suppress(OSError, ValueError):
            super().update_dimension_fields(instance, force, *args, **kwargs)
