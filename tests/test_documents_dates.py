"""``date_at_start``, which the document header reads, is ``find_dates``'s first date at 0."""

import pytest

from vnunion_nlp.dates import date_at_start, find_dates


@pytest.mark.parametrize(
    "text",
    [
        "ngày 12/6/2021 của Bộ Chính trị",
        "ngày 19 và 20/7/2023, tại Hà Nội",  # a range and its last day both open at 0 or later
        "16-17/5/2023 rồi 18/5/2023",
        "ngày 20 tháng 5 năm 2020",
        "ngày 31/2/2020, ngày 1/3/2020",  # an impossible date at 0: none opens the text
        "ngày 28/3",  # no year
        "ngày 28.3 và 29/3/2024",
        "theo ngày 12/6/2021",  # the date starts later
        "Chiều 28/3, đại hội khai mạc",
        "1.076/1.317 người",
        "",
    ],
)
@pytest.mark.parametrize("year", [None, 2024])
def test_date_at_start_is_the_first_date_at_zero(text: str, year: int | None) -> None:
    dates = find_dates(text, year)
    expected = dates[0] if dates and dates[0].start == 0 else None
    assert date_at_start(text, year) == expected
