"""Reading one cell: numbers, yes/no, dates, several values, text and identifiers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from territoire_graphe.io.formulas import Formula
from territoire_graphe.io.values import (
    BadValue,
    as_identifier,
    as_text,
    identifier_width,
    is_blank,
    parse_bool,
    parse_date,
    parse_number,
    split_values,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (None, True),
        ("", True),
        ("   ", True),
        ("\u00a0", True),
        (float("nan"), True),
        (0, False),
        (0.0, False),
        ("0", False),
        (False, False),
        ("x", False),
    ],
)
def test_a_cell_is_blank_when_empty_nan_or_only_spaces(cell, expected):
    assert is_blank(cell) is expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (2, 2.0),
        (2.5, 2.5),
        ("2,5", 2.5),
        ("2.5", 2.5),
        (" 3 ", 3.0),
        ("1 234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1\u00a0234", 1234.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("-0,5", -0.5),
        (",5", 0.5),
        ("1e3", 1000.0),
        (None, None),
        ("", None),
    ],
)
def test_numbers_accept_a_decimal_comma_and_spaces_between_thousands(cell, expected):
    assert parse_number(cell) == expected


@pytest.mark.parametrize(
    "cell", ["deux", "2,5,1", "2 ou 3", "inf", "nan", True, float("inf"), "12 %", "--1"]
)
def test_what_is_not_a_number_is_refused_with_its_code(cell):
    with pytest.raises(BadValue) as caught:
        parse_number(cell)
    assert caught.value.code == "number_invalid"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("oui", True),
        ("OUI", True),
        ("Oui ", True),
        ("non", False),
        ("yes", True),
        ("no", False),
        ("true", True),
        ("FALSE", False),
        ("vrai", True),
        ("faux", False),
        ("1", True),
        ("0", False),
        (1, True),
        (0, False),
        (1.0, True),
        ("x", True),
        ("X", True),
        (True, True),
        (False, False),
        ("orienté", True),
        ("non orienté", False),
        ("directed", True),
        ("undirected", False),
        ("mutual", False),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_yes_no_accepts_oui_non_yes_no_true_false_1_0_and_x(cell, expected):
    assert parse_bool(cell) is expected


@pytest.mark.parametrize("cell", ["peut-être", 2, "oui/non", "-"])
def test_what_says_neither_yes_nor_no_is_refused(cell):
    with pytest.raises(BadValue) as caught:
        parse_bool(cell)
    assert caught.value.code == "boolean_invalid"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(2021, 3, 15), pd.Timestamp(2021, 3, 15)),
        (dt.datetime(2021, 3, 15), pd.Timestamp(2021, 3, 15)),
        (pd.Timestamp(2021, 3, 15), pd.Timestamp(2021, 3, 15)),
        ("2021-03-15", pd.Timestamp(2021, 3, 15)),
        ("2021-03-15T00:00:00", pd.Timestamp(2021, 3, 15)),
        ("15/03/2021", pd.Timestamp(2021, 3, 15)),
        ("15.03.2021", pd.Timestamp(2021, 3, 15)),
        ("15-03-2021", pd.Timestamp(2021, 3, 15)),
        ("5/3/2021", pd.Timestamp(2021, 3, 5)),
        ("15/03/2021 10:30", pd.Timestamp(2021, 3, 15)),
        ("2021", pd.Timestamp(2021, 1, 1)),
        (2021, pd.Timestamp(2021, 1, 1)),
        (2021.0, pd.Timestamp(2021, 1, 1)),
        ("2021-03", pd.Timestamp(2021, 3, 1)),
        ("03/2021", pd.Timestamp(2021, 3, 1)),
        (44270, pd.Timestamp(2021, 3, 15)),
        (44270.5, pd.Timestamp(2021, 3, 15)),
        (None, None),
        ("", None),
    ],
)
def test_dates_accept_excel_dates_iso_dd_mm_yyyy_and_a_bare_year(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize(
    "cell", ["31/02/2021", "2021-13-01", "hier", "15/03/21", "mars 2021", -5, 10**9, True]
)
def test_what_is_not_a_date_is_refused(cell):
    with pytest.raises(BadValue) as caught:
        parse_date(cell)
    assert caught.value.code == "date_invalid"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("se nourrir; habiter", ["se nourrir", "habiter"]),
        ("a ;; b ;", ["a", "b"]),
        ("a; a; b", ["a", "b"]),
        (" seul ", ["seul"]),
        (None, []),
        ("", []),
    ],
)
def test_several_values_in_a_cell_are_split_on_semicolons(cell, expected):
    assert split_values(cell) == expected


def test_other_separators_can_be_asked_for():
    assert split_values("a|b | c", "|") == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (6232.0, "6232"),
        (6232, "6232"),
        (2.5, "2.5"),
        ("06232", "06232"),
        ("  Mairie ", "Mairie"),
        ("Ligne 1\nLigne 2", "Ligne 1\nLigne 2"),
        ("a  b", "a  b"),
        (True, "oui"),
        (dt.date(2021, 3, 15), "2021-03-15"),
        (dt.datetime(2021, 3, 15), "2021-03-15"),
        (None, None),
        ("  ", None),
    ],
)
def test_a_cell_as_text_keeps_what_was_written_but_the_spaces_around(cell, expected):
    assert as_text(cell) == expected


@pytest.mark.parametrize(
    ("header", "width"),
    [
        ("Code INSEE", 5),
        ("code_insee", 5),
        ("INSEE", 5),
        ("Code commune INSEE", 5),
        ("code postal", 5),
        ("CP", 5),
        ("SIREN", 9),
        ("siret", 14),
        ("N° SIRET", 14),
        ("Numéro SIRET de l'établissement", 14),
        ("Téléphone", 10),
        ("RNA", 0),
        ("budget", None),
        ("Nom", None),
        ("commune", None),
    ],
)
def test_identifier_like_columns_are_recognised_from_their_header(header, width):
    assert identifier_width(header) == width


@pytest.mark.parametrize(
    ("cell", "width", "expected"),
    [
        (6232.0, 5, "06232"),
        (6232, 5, "06232"),
        ("06232", 5, "06232"),
        ("2A004", 5, "2A004"),
        (12345678.0, 9, "012345678"),
        (320123456, 10, "0320123456"),
        ("W123456789", 0, "W123456789"),
        (75001.0, 5, "75001"),
        (None, 5, None),
    ],
)
def test_identifiers_stay_text_and_numbers_get_their_leading_zeros_back(cell, width, expected):
    assert as_identifier(cell, width) == expected


def test_an_uncomputed_formula_is_text_that_knows_it_is_a_formula():
    formula = Formula("=A1+1")
    assert formula == "=A1+1" and isinstance(formula, str)
    assert as_text(formula) == "=A1+1"
    assert not isinstance(as_text(formula), Formula)
