"""The demo catalogue is data (app/demo/data/): catalog CSV files a vendor could upload, with
dates counted from the day the demo is loaded."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.demo import catalogue, images, loader
from app.models import Category, Product
from app.services import clock
from app.services.catalog import csv as catalog_csv
from app.services.catalog.csv.reader import read_rows

#: products per demo vendor, as the demo catalogue was written (200 in all)
PRODUCTS_PER_FILE = {
    "alishan-leaf": 18,
    "sun-moon-lake-estate": 10,
    "taichung-sun-bakery": 12,
    "golden-pineapple": 10,
    "dadaocheng-sauce": 21,
    "hsinchu-noodle": 18,
    "pingtung-farm": 21,
    "formosa-herbal": 21,
    "yingge-ceramics": 11,
    "meinong-crafts": 25,
    "hakka-blue-textiles": 19,
    "taipei-maker-lab": 14,
}


def test_the_data_holds_one_file_per_demo_vendor_and_a_picture_for_every_product():
    files = {path.stem for path in catalogue.DATA_DIR.glob("*.csv")} - {"pictures"}
    assert files == set(catalogue.catalog_files()) == set(PRODUCTS_PER_FILE)
    specs = catalogue.read_catalogue(clock.today())  # a product without a motif raises
    assert len(specs) == sum(PRODUCTS_PER_FILE.values()) == 200
    assert {spec["motif"] for spec in specs} <= set(images.MOTIFS)


@pytest.mark.parametrize("slug", list(PRODUCTS_PER_FILE))
def test_demo_file_passes_the_import_checks_vendors_uploads_get(db, make, slug):
    """After date substitution each file is a valid upload for a new vendor: the same planning
    refuses an expired certificate, an unknown category or exemption, a bad price..."""
    content = catalogue.dated(catalogue.catalog_files()[slug].read_bytes(), clock.today())
    plan = catalog_csv.plan(make.vendor(), content)  # raises ImportFailed on any error
    assert plan.products_created == PRODUCTS_PER_FILE[slug]
    assert plan.products_updated == 0


@pytest.mark.parametrize("years_ahead", [0, 5])
def test_loaded_demo_certificates_are_valid_on_the_day_of_loading(
    db, tmp_path, monkeypatch, years_ahead
):
    """Whatever the day the demo is loaded (today, or years after the files were written), its
    halal certificates have not expired, and a small demo still shows every category."""
    load_day = clock.today() + timedelta(days=365 * years_ahead)
    monkeypatch.setattr(clock, "today", lambda: load_day)
    result = loader.load(products=40, vendors=12, media_root=str(tmp_path))
    assert result.products == 40
    certificates = db.session.scalars(
        select(Product.halal_expires).where(Product.halal_body.is_not(None))
    ).all()
    assert certificates, "the first 40 demo products include halal ones"
    assert all(expires is not None and expires >= load_day for expires in certificates)
    shown = set(db.session.scalars(select(Category.slug).join(Product).distinct()))
    demo_categories = {
        cells["category"]
        for path in catalogue.catalog_files().values()
        for _number, cells in read_rows(catalogue.dated(path.read_bytes(), load_day))[1]
        if cells.get("category")
    }
    assert shown == demo_categories
