"""Shoppers' return photos: private. They show a person's home, parcel labels and sometimes
faces, so unlike product photos they are not under the public, forever-cached /media/ path:
they live under PRIVATE_MEDIA_ROOT and only the order's shopper, the shop the parcel came from
and operators may open them (anyone else gets 404, as for the order itself)."""

from __future__ import annotations

from flask import Response, abort, current_app
from flask_login import current_user
from werkzeug.security import safe_join

from app.extensions import db
from app.models.order import Order, VendorOrder
from app.models.returns import ReturnPhoto, ReturnRequest
from app.services.catalog.media import RENDITIONS
from app.services.checkout import queries
from app.services.errors import NotFound
from app.web.checkout import cart_store
from app.web.checkout.routes import bp


def private_root() -> str:
    return current_app.config["PRIVATE_MEDIA_ROOT"]


def _may_see(request_: ReturnRequest) -> bool:
    if current_user.is_authenticated:
        if current_user.is_operator:
            return True
        if current_user.is_vendor_staff:
            parcel = db.session.get(VendorOrder, request_.vendor_order_id)
            return parcel is not None and parcel.vendor_id == current_user.vendor.id
    order = db.session.get(Order, request_.order_id)
    try:
        queries.visible_to(order.ref, current_user, cart_store.guest_orders())
    except NotFound:
        return False
    return True


@bp.get("/return-photos/<int:photo_id>/<rendition>.webp")
def return_photo(photo_id: int, rendition: str):
    if rendition not in RENDITIONS:
        abort(404)
    photo = db.session.get(ReturnPhoto, photo_id)
    if photo is None:
        abort(404)
    request_ = db.session.get(ReturnRequest, photo.return_id)
    if request_ is None or not _may_see(request_):
        abort(404)
    path = safe_join(private_root(), f"{photo.key}-{rendition}.webp")
    try:
        with open(path, "rb") as file:  # small (at most 1200 px WebP): read, not streamed
            body = file.read()
    except (OSError, TypeError):
        abort(404)
    response = Response(body, mimetype="image/webp")
    response.cache_control.max_age = 3600
    # the browser may keep it; no shared cache may
    response.cache_control.private = True
    response.cache_control.public = False
    return response
