"""What each code of the operators' rules says (settings, rates, taxes, shipping, halal
bodies, commission, moderation, search synonym groups), in the reader's language: one
wording per code, under a form field in the console or on a line of `flask rates import`'s
report."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.domain.problems import Problem

MESSAGES = {
    # settings
    "setting.type": _l("This value is not of the right kind."),
    "setting.range": _l("Enter a value from %(minimum)s to %(maximum)s."),
    # exchange rates
    "currency.unknown": _l("No market sells in this currency. Use THB, MYR, SGD or PHP."),
    "rate.required": _l("Enter the rate: how much of the currency one NT$ buys."),
    "rate.format": _l("Write the rate as a number, like 1.0825."),
    "rate.positive": _l("A rate is more than 0."),
    "rate.places": _l("Use at most %(places)d decimal places."),
    "rate.too_big": _l("That rate is too large: at most %(maximum)s."),
    "rate.exists": _l(
        "A rate for this currency and day is already kept: earlier rates are never "
        "overwritten. Date the new rate another day."
    ),
    "rate.repeated": _l("This currency and day are already on line %(line)d."),
    "as_of.required": _l("Enter the day the rate holds from."),
    "as_of.format": _l("Use a date like 2027-06-30."),
    "as_of.ahead": _l("Date it at most %(days)d days ahead."),
    # rate files
    "file.empty": _l("The file is empty."),
    "file.too_big": _l("The file is larger than %(megabytes)d MB."),
    "file.encoding": _l("The file is not UTF-8 text."),
    "file.csv": _l("The file is not valid CSV: %(detail)s"),
    "file.header": _l(
        "The first line names the columns: %(columns)s. Missing: %(missing)s. Not known: "
        "%(unknown)s."
    ),
    "file.too_long": _l("At most %(max)d lines in one file."),
    "file.no_rates": _l("The file holds no rates."),
    "line.cells": _l("This line has %(found)d cells; the header has %(expected)d."),
    # tax rules and duty rates
    "market.unknown": _l("Choose one of the markets."),
    "category.unknown": _l("Choose one of the categories."),
    "name.required": _l("Please fill this in."),
    "name.length": _l("Use at most %(max)d characters."),
    "label.unknown": _l("Choose what shoppers see the line called."),
    "kind.unknown": _l("Choose duty, tax, or a tax inside the price."),
    "applies.unknown": _l("Choose when the rule applies."),
    "percent.required": _l("Enter the rate in percent, like 7 or 0."),
    "percent.negative": _l("A rate cannot be negative."),
    "percent.places": _l("Use at most %(places)d decimal places."),
    "percent.too_big": _l("Enter at most %(maximum)s percent."),
    "threshold.required": _l("A rule for goods at or under, or over, a value needs that value."),
    "threshold.negative": _l("The value cannot be negative."),
    "category_rate.not_duty": _l("Only a duty takes the rate of the goods' category."),
    "valid_from.required": _l("Enter the first day the rule applies."),
    "valid_to.required": _l("Enter the last day the rule applies."),
    "valid_to.before_start": _l("The last day cannot be before the first day."),
    "rule.overlap": _l(
        "Another rule of the same name and kind would apply to the same parcels on the same "
        "days: %(rules)s. End that rule first, or choose other days or values."
    ),
    # duty rates by HS code
    "hs_prefix.required": _l("Enter the HS code the rate is for, like 0902."),
    "hs_prefix.format": _l(
        "Write an HS chapter (2 digits), heading (4) or subheading (6 to 10), like 0902.30."
    ),
    "note.length": _l("Use at most %(max)d characters."),
    "duty_rate.overlap": _l(
        "This market already has a rate for this code on some of these days (%(days)s). End "
        "that rate first, or choose other days."
    ),
    # shipping
    "first_kg.required": _l("Enter the fee for the first kilogram."),
    "first_kg.positive": _l("The first kilogram costs more than NT$0."),
    "first_kg.too_big": _l("Enter at most %(maximum)s."),
    "extra_kg.required": _l("Enter the fee for each further kilogram (0 for none)."),
    "extra_kg.negative": _l("A fee cannot be negative."),
    "extra_kg.too_big": _l("Enter at most %(maximum)s."),
    # commission
    "commission.required": _l("Enter the commission in percent, like 15."),
    "commission.range": _l("Enter a percentage from 0 to 100."),
    "commission.places": _l("Use at most 2 decimal places."),
    # halal bodies
    "code.format": _l(
        "Write the code as vendors write it: capital letters, digits, dots and hyphens."
    ),
    "code.taken": _l("Another body already has this code."),
    "country.format": _l("Use a two-letter country code such as MY."),
    # search synonym groups
    "name.taken": _l("Another group already has this name."),
    "attribute.unknown": _l("Choose one of the list."),
    "terms.required": _l("Write the words, one per line."),
    "terms.too_few": _l(
        "Write at least two words that mean the same, one per line: a group of one word "
        "changes nothing."
    ),
    "terms.too_many": _l("At most %(max)d words in one group."),
    "term.length": _l("“%(term)s” is too long: at most %(max)d characters."),
    "term.no_words": _l("“%(term)s” has no letters or digits to search for."),
    "term.taken": _l(
        "“%(term)s” is already in the group “%(group)s”. A word belongs to one group: change "
        "that group, or take the word out of it first."
    ),
    "term.repeated": _l("“%(term)s” is the same word as “%(first)s”: write it once."),
}


def message(found: Problem):
    """The problem in the reader's language (a lazy string)."""
    text = MESSAGES[found.code]
    params = found.kwargs
    return text % params if params else text


def line_text(found: Problem) -> str:
    """A problem of `flask rates import`: "line 3, rate: ...", or "file: ..." for line 0."""
    line, *rest = found.path
    where = f"line {line}" if line else "file"
    if rest:
        where += f", {rest[0]}"
    return f"{where}: {message(found)}"
