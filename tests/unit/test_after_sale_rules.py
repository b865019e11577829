"""The rules after a sale, each at its edges: Taiwan's 7-day cooling-off period, what a vendor
earns on a line and what a return takes back, and the carriers' tracking numbers (domain
modules that only the service and web tests reached before: a change to them went unnoticed
by the fast tests `make mutation` runs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import carriers, cooling_off, earnings

DELIVERED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
TICK = timedelta(microseconds=1)


# -- cooling-off ------------------------------------------------------------------------------


def test_a_return_may_be_asked_for_until_seven_days_after_delivery():
    deadline = DELIVERED + timedelta(days=7)
    assert cooling_off.deadline(DELIVERED) == deadline
    assert cooling_off.refusal(None, DELIVERED, DELIVERED) is None
    assert cooling_off.refusal(None, DELIVERED, deadline) is None
    assert cooling_off.refusal(None, DELIVERED, deadline + TICK) == "window_closed"
    assert cooling_off.window_closed(DELIVERED, deadline) is False
    assert cooling_off.window_closed(DELIVERED, deadline + TICK) is True


def test_goods_exempt_or_not_yet_delivered_cannot_be_returned():
    # disclosed before payment as perishable: never, even on the day they arrive
    assert cooling_off.refusal("perishable", DELIVERED, DELIVERED) == "exempt"
    assert cooling_off.refusal("", DELIVERED, DELIVERED) is None
    assert cooling_off.refusal(None, None, DELIVERED) == "not_delivered"
    assert cooling_off.window_closed(None, DELIVERED + timedelta(days=30)) is False


# -- earnings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goods", "bp", "commission"),
    [
        (1000, 1500, 150),
        (5, 1500, 1),  # 0.75 rounds up
        (3, 1500, 0),  # 0.45 rounds down
        (1, 5000, 1),  # half up
        (999, 0, 0),
        (999, 10_000, 999),
        (0, 1500, 0),
    ],
)
def test_the_commission_is_whole_dollars_half_up(goods, bp, commission):
    assert earnings.commission_twd(goods, bp) == commission


@pytest.mark.parametrize(("goods", "bp"), [(-1, 1500), (100, -1), (100, 10_001)])
def test_a_commission_out_of_range_is_refused(goods, bp):
    # the whole message, as a log or traceback shows it to an operator
    with pytest.raises(
        ValueError, match=r"^goods are not negative and a commission is between 0 and 100%$"
    ):
        earnings.commission_twd(goods, bp)


def test_a_line_earns_its_goods_less_the_commission():
    assert earnings.line_earning_twd(450, 2, 1500) == 765
    assert earnings.line_earning_twd(333, 1, 1250) == 291  # 41.625 rounds to 42


def test_returned_units_take_whole_shares_that_add_up_to_the_line():
    assert [earnings.share_of_units(100, 3, units) for units in range(4)] == [0, 34, 67, 100]
    assert earnings.share_of_units(10, 4, 2) == 6
    for units in (-1, 4):
        with pytest.raises(ValueError, match=r"^between none and all of the units$"):
            earnings.share_of_units(100, 3, units)


# -- tracking numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("carrier", "number", "market", "expected"),
    [
        ("chunghwa_post", "RR123456785TW", "TH", None),
        ("chunghwa_post", "rr 1234 5678 5 tw", "TH", None),  # printed in groups, any case
        ("chunghwa_post", "RR123456784TW", "TH", "tracking.format"),  # wrong check digit
        ("chunghwa_post", "RR12345678TW", "TH", "tracking.format"),
        ("chunghwa_post", "RR123456710TW", "MY", None),  # remainder 10: check digit 0
        ("chunghwa_post", "RR123456745TW", "MY", None),  # remainder 11: check digit 5
        ("dhl", "1234567890", "SG", None),
        ("dhl", "12345-67890", "SG", None),
        ("dhl", "123456789", "SG", "tracking.format"),
        ("fedex", "123456789012", "PH", None),
        ("ups", "1z999aa10123456784", "TH", None),
        ("ups", "1Z999AA1012345678", "TH", "tracking.format"),
        ("sf", "SF123456789012", "MY", None),
        ("sf", "123456789012", "MY", None),
        ("tcat", "123456789012", "TW", None),
        ("tcat", "123456789012", "TH", "carrier.unknown"),  # T-Cat ships within Taiwan
        ("dhl", "1234567890", "JP", "carrier.unknown"),
        ("other", "anything 42", "TH", None),
        ("other", " - ", "TH", "tracking.required"),
        ("other", "", "TH", "tracking.required"),  # nothing typed: asked for
        ("dhl", "", "SG", "tracking.required"),  # asked for, not called misformatted
        ("other", "x" * 40, "TH", None),
        ("other", "x" * 41, "TH", "tracking.required"),
    ],
)
def test_tracking_numbers_are_checked_where_the_carrier_publishes_a_format(
    carrier, number, market, expected
):
    assert carriers.check_tracking(carrier, number, market) == expected


def test_each_market_offers_its_carriers_and_a_shopper_follows_a_number():
    assert [c.code for c in carriers.for_market("TW")] == ["tcat", "chunghwa_post", "sf", "other"]
    assert [c.code for c in carriers.for_market("JP")] == ["other"]
    assert carriers.tracking_link("dhl", "12345 67890") == (
        "https://www.dhl.com/tw-en/home/tracking.html?tracking-id=1234567890"
    )
    assert carriers.tracking_link("other", "123") is None
    assert carriers.tracking_link("dhl", "") is None
    assert carriers.tracking_link(None, "123") is None
    assert carriers.tracking_link("nope", "123") is None
