"""What a person sees when a number field gets something that is not a number: one clear,
translated message, not a second one about a missing value."""

import pytest
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from app.web.validators import DayField, WholeNumberField, number_between, required


class _Quantity(FlaskForm):
    class Meta:
        csrf = False

    quantity = WholeNumberField("Quantity", validators=[required(), number_between(1, 99)])
    ships_on = DayField("Ships on", validators=[required()])


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Enter a whole number, like 450."),
        ("   ", "Please fill this in."),
        ("120", "Enter a number from 1 to 99."),
    ],
)
def test_a_number_field_answers_with_one_message(app, typed, message):
    with app.test_request_context("/en/"):
        form = _Quantity(formdata=MultiDict({"quantity": typed, "ships_on": "2027-06-30"}))
        assert not form.validate()
        assert form.quantity.errors == [message]


def test_full_width_digits_from_a_taiwanese_keyboard_are_numbers(app):
    with app.test_request_context("/en/"):
        form = _Quantity(formdata=MultiDict({"quantity": "１２", "ships_on": "2027-06-30"}))
        assert form.validate(), form.errors
        assert form.quantity.data == 12


def test_a_date_field_answers_with_one_message(app):
    with app.test_request_context("/en/"):
        form = _Quantity(formdata=MultiDict({"quantity": "2", "ships_on": "next tuesday"}))
        assert not form.validate()
        assert form.ships_on.errors == ["Enter a date like 2027-06-30."]
