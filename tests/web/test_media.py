"""/media/ serves the renditions of photos that rows still name, under MEDIA_ROOT, and nothing
else, however the path is spelled."""

from pathlib import Path

import pytest

KEY = "p/ab/abababababababababababababababab"
INSIDE = f"{KEY}-list.webp"
#: a file in the folder that no photo names
STRAY = "media-proof.txt"
SECRET = "tgg-secret-outside-media.txt"


@pytest.fixture
def media_files(app, make):
    """A photo's rendition in MEDIA_ROOT (a product names it), a stray file beside it, and a
    secret in the folder above, where ../ would lead."""
    root = Path(app.config["MEDIA_ROOT"]).resolve()
    inside = root / INSIDE
    inside.parent.mkdir(parents=True, exist_ok=True)
    stray = root / STRAY
    secret = root.parent / SECRET
    inside.write_text("served from media")
    stray.write_text("in the folder, but no photo")
    secret.write_text("never served")
    make.product(image=(KEY, 480, 480))
    yield root, secret
    inside.unlink()
    stray.unlink()
    secret.unlink()


def test_a_photo_in_the_media_folder_is_served(client, media_files, count_queries):
    with client.get(f"/media/{INSIDE}") as response:
        assert response.status_code == 200
        assert response.get_data(as_text=True) == "served from media"
    # the many renditions of a page of cards do not each ask the database again
    with count_queries() as statements, client.get(f"/media/{INSIDE}") as again:
        assert again.status_code == 200
    assert statements == []


def test_a_file_no_photo_names_is_not_served(client, media_files):
    with client.get(f"/media/{STRAY}") as response:
        assert response.status_code == 404


def hostile_paths(root: Path, secret: Path) -> list[str]:
    parent = root.name  # ../<media folder>/../secret is the same file
    return [
        f"/media/../{SECRET}",
        f"/media/../../{root.parent.name}/{SECRET}",
        f"/media/p/../../{SECRET}",
        f"/media/../{parent}/../{SECRET}",
        f"/media/%2e%2e/{SECRET}",
        f"/media/%2e%2e%2f{SECRET}",
        f"/media/%2E%2E%2F{SECRET}",
        f"/media/..%2f{SECRET}",
        f"/media/.%2e/{SECRET}",
        f"/media/%252e%252e%252f{SECRET}",  # encoded twice: a name with % in it
        "/media/../config.py",
        "/media/../../config.py",
        f"/media/{secret}",  # absolute: /media//tmp/.../secret
        f"/media/%2f{str(secret).lstrip('/')}",
        f"/media/%2F{str(secret).lstrip('/')}",
        "/media//etc/passwd",
        "/media/%2fetc%2fpasswd",
        f"/media/..\\{SECRET}",
        f"/media/..%5c{SECRET}",
        f"/media/%5c..%5c{SECRET}",
        f"/media/C:\\{SECRET}",
        f"/media/C:/{SECRET}",
        f"/media/{SECRET}%00.webp",
        f"/media/%00../{SECRET}",
        f"/media/{INSIDE}%00",
        "/media/%00",
        "/media/..",
        "/media/.",
    ]


def test_nothing_outside_the_media_folder_is_served(client, media_files):
    root, secret = media_files
    for path in hostile_paths(root, secret):
        response = client.get(path, follow_redirects=True)
        body = response.get_data()
        response.close()
        assert response.status_code in (400, 404), (path, response.status_code)
        assert b"never served" not in body, path
        assert b"SECRET_KEY" not in body, path  # config.py
        assert b"root:" not in body, path  # /etc/passwd
