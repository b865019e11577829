"""Product images: verified with Pillow, stripped of metadata, stored as WebP renditions.

Every rendition is named after a hash of the decoded pixels, so a stored file never changes;
uploading the same picture twice stores it once. A rendition is served only while a product
photo or a zone banner names its key (`is_served`): deleting the photo stops it at once. (Return
photos are private: kept under PRIVATE_MEDIA_ROOT and shown only to the order's people.)
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import exists, select, union_all

from app.extensions import db
from app.models import ProductImage, Zone
from app.services.cache import register
from app.services.errors import ImageRejected

MAX_BYTES = 8 * 1024 * 1024
#: Larger pictures are refused before decoding: a decompression bomb is a small file that
#: expands to billions of pixels.
MAX_PIXELS = 40_000_000
#: MPO is how Pillow names a JPEG carrying a second picture (many phone cameras write one); the
#: first picture is an ordinary JPEG.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
#: name → longest side in pixels
RENDITIONS = {"thumb": 240, "list": 480, "zoom": 1200}
WEBP_QUALITY = 80


@dataclass(frozen=True)
class StoredImage:
    key: str
    width: int
    height: int


def _open_verified(data: bytes) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise ImageRejected("too_big")
    with warnings.catch_warnings():
        # Pillow warns past MAX_IMAGE_PIXELS and raises past twice that: treat both as refusal.
        # Its other warnings (corrupt EXIF, odd palettes) describe files it can still read.
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(data))
            if probe.format not in ACCEPTED_FORMATS:
                raise ImageRejected("format")
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageRejected("too_many_pixels")
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
        except ImageRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRejected("too_many_pixels") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise ImageRejected("not_image") from None
    if min(image.size) < 1:
        raise ImageRejected("not_image")
    return image


def _normalised(image: Image.Image) -> Image.Image:
    """Upright (EXIF orientation applied), RGB or RGBA, no metadata carried over."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # A broken EXIF block only loses the orientation hint, never the upload.
        with contextlib.suppress(Exception):
            image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    clean = image.convert("RGBA" if has_alpha else "RGB")
    # A fresh image holds pixels only: EXIF, GPS, XMP and ICC data are left behind.
    stripped = Image.new(clean.mode, clean.size)
    stripped.paste(clean)
    return stripped


def media_root(root: str | os.PathLike) -> Path:
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


#: how a rendition's file is named: <key>-<rendition>.webp
_RENDITION_FILE = re.compile(r"(p/[0-9a-f]{2}/[0-9a-f]{32})-(?:thumb|list|zoom)\.webp")


#: whether a key is named, per process: a page of cards asks for a few dozen renditions at
#: once. A change to the catalog (a photo removed, a banner replaced: services.catalog.events,
#: zone_admin) empties it in every process within a second (services.cache); an answer is
#: kept a minute at most in any case.
_SERVED_SECONDS = 60.0
_MAX_SERVED = 50_000
_served: dict[str, tuple[bool, float]] = {}
register(_served.clear, areas=("catalog",))


def is_served(filename: str) -> bool:
    """Whether /media/<filename> is a rendition of a photo some row still names (a product
    photo, a zone's banner). A return photo never makes a file public: a shopper's photo of a
    deleted product picture would otherwise bring that picture back."""
    match = _RENDITION_FILE.fullmatch(filename or "")
    if match is None:
        return False
    key = match.group(1)
    now = time.monotonic()
    known = _served.get(key)
    if known is not None and now - known[1] < _SERVED_SECONDS:
        return known[0]
    named = union_all(
        select(ProductImage.id).where(ProductImage.key == key),
        select(Zone.id).where(Zone.banner_key == key),
    )
    served = bool(db.session.scalar(select(exists(named.subquery()))))
    if len(_served) >= _MAX_SERVED:
        _served.clear()
    _served[key] = (served, now)
    return served


def key_for(image: Image.Image) -> str:
    digest = hashlib.sha256(image.tobytes() + repr(image.size).encode()).hexdigest()
    return f"p/{digest[:2]}/{digest[:32]}"


def store_image(data: bytes, root: str | os.PathLike) -> StoredImage:
    """Verify, strip and store an uploaded image. Raises ImageRejected."""
    image = _normalised(_open_verified(data))
    return store_pil(image, root)


def store_pil(image: Image.Image, root: str | os.PathLike) -> StoredImage:
    """Store the renditions of an already-trusted image (uploads and demo pictures)."""
    key = key_for(image)
    base = media_root(root)
    for name, longest in RENDITIONS.items():
        target = base / f"{key}-{name}.webp"
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = image.copy()
        copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        # write-then-rename, so a reader never sees half a file
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as tmp:
            copy.save(tmp, "WEBP", quality=WEBP_QUALITY, method=4)
        os.replace(tmp.name, target)
    zoom = image.copy()
    zoom.thumbnail((RENDITIONS["zoom"], RENDITIONS["zoom"]))
    return StoredImage(key, zoom.width, zoom.height)
