"""Uploaded pictures: verified, upright, stripped of metadata, resized; hostile files refused."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from app.services.catalog import images as product_images
from app.services.catalog import media
from app.services.errors import ImageRejected


def picture(fmt="JPEG", size=(64, 48), color=(200, 40, 40), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def png_claiming(width, height) -> bytes:
    """A tiny PNG whose header claims a huge picture: a decompression bomb's calling card."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats_are_stored_as_webp_renditions(tmp_path, fmt):
    stored = media.store_image(picture(fmt, size=(1600, 1200)), tmp_path)
    assert (stored.width, stored.height) == (1200, 900)
    for name, longest in media.RENDITIONS.items():
        with Image.open(tmp_path / f"{stored.key}-{name}.webp") as rendition:
            assert rendition.format == "WEBP"
            assert max(rendition.size) == longest


def test_metadata_is_stripped_and_orientation_applied(tmp_path):
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Inc."  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    exif[0x8825] = {1: "N", 2: (25.0, 2.0, 0.0)}  # GPS position
    stored = media.store_image(picture("JPEG", size=(80, 40), exif=exif.tobytes()), tmp_path)
    assert (stored.width, stored.height) == (40, 80)  # upright
    data = Path(tmp_path / f"{stored.key}-zoom.webp").read_bytes()
    assert b"SpyCam" not in data
    assert b"Exif" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert len(image.getexif()) == 0


def test_phone_photos_with_a_second_picture_or_broken_exif_are_accepted(tmp_path):
    # Many phone cameras write JPEGs with a second (depth or preview) picture: Pillow calls
    # them MPO. A damaged EXIF block only loses the orientation hint.
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (90, 60), color) for color in ("red", "blue")]
    frames[0].save(buffer, "MPO", save_all=True, append_images=frames[1:])
    with Image.open(io.BytesIO(buffer.getvalue())) as probe:
        assert probe.format == "MPO"
    two_pictures = media.store_image(buffer.getvalue(), tmp_path)
    assert (two_pictures.width, two_pictures.height) == (90, 60)
    broken_exif = picture("JPEG", exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff\x01")
    stored = media.store_image(broken_exif, tmp_path)
    assert (stored.width, stored.height) == (64, 48)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a picture at all", "not_image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "not_image"),
        (picture("PNG")[:60], "not_image"),  # truncated
        (picture("GIF"), "format"),
        (picture("BMP"), "format"),
        (png_claiming(50_000, 50_000), "too_many_pixels"),
        (png_claiming(8_000, 6_000), "too_many_pixels"),
        (b"\xff" * (media.MAX_BYTES + 1), "too_big"),
    ],
)
def test_hostile_or_wrong_files_are_refused(tmp_path, data, reason):
    with pytest.raises(ImageRejected) as refused:
        media.store_image(data, tmp_path)
    assert refused.value.reason == reason
    assert not any(tmp_path.rglob("*.webp"))


def test_a_product_holds_at_most_eight_photos(db, make, tmp_path):
    product = make.product()
    actor = make.user(role="vendor", vendor=product.vendor)
    uploads = [
        product_images.Upload(f"{n}.png", picture("PNG", color=(n * 20, 0, 0))) for n in range(9)
    ]
    uploads.insert(3, product_images.Upload("notes.txt", b"hello"))
    report = product_images.add(product, uploads, tmp_path, actor)
    added, refused = report.added, report.refused
    assert len(added) == 8
    assert len(product.images) == 8
    assert [(r.filename, r.reason) for r in refused] == [
        ("notes.txt", "not_image"),
        ("8.png", "too_many"),
    ]
    assert [img.position for img in product.images] == list(range(8))


def test_reorder_remove_and_alt_text(db, make, tmp_path):
    product = make.product()
    actor = make.user(role="vendor", vendor=product.vendor)
    added = product_images.add(
        product,
        [product_images.Upload(f"{n}.png", picture("PNG", color=(0, n * 50, 0))) for n in range(3)],
        tmp_path,
        actor,
    ).added
    first, second, third = added
    product_images.move(product, third, -1, actor)
    order = [img.id for img in sorted(product.images, key=lambda i: i.position)]
    assert order == [first.id, third.id, second.id]
    product_images.move(product, first, -1, actor)  # already first: nothing happens
    product_images.remove(product, second, actor)
    assert [img.id for img in product.images] == [first.id, third.id]
    product_images.set_alt(first, {"en": "Tin of tea", "th": "กระป๋องชา", "ms": ""}, actor)
    assert {t.locale: t.alt for t in first.translations} == {"en": "Tin of tea", "th": "กระป๋องชา"}
