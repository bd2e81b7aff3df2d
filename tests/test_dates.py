"""Table tests for vnunion_nlp.dates (invented sentences in the style of union news)."""

from __future__ import annotations

import datetime as dt

import pytest

from vnunion_nlp.dates import find_dates, resolve_date

D = dt.date

# (text, reference_year) → [(evidence, date, year_inferred, part_of_day)]
EXAMPLES = [
    (
        "Chiều 14/5, Công đoàn xã Tân Lập khai mạc đại hội",
        2023,
        [("Chiều 14/5", D(2023, 5, 14), True, "chiều")],
    ),
    (
        "sáng 2/11/2022 tại hội trường huyện",
        None,
        [("sáng 2/11/2022", D(2022, 11, 2), False, "sáng")],
    ),
    ("ban hành ngày 9/8/2019 của Tỉnh ủy", None, [("ngày 9/8/2019", D(2019, 8, 9), False, None)]),
    ("kế hoạch ký 15/03/2021 đã triển khai", None, [("15/03/2021", D(2021, 3, 15), False, None)]),
    (
        "ngày 7 tháng 10 năm 2021 là ngày hội",
        None,
        [("ngày 7 tháng 10 năm 2021", D(2021, 10, 7), False, None)],
    ),
    (
        "ký ngày 18-4-2022 và 18.4.2022",
        None,
        [
            ("ngày 18-4-2022", D(2022, 4, 18), False, None),
            ("18.4.2022", D(2022, 4, 18), False, None),
        ],
    ),
    (
        "kỷ niệm (6-1-1946 - 6-1-2026)",
        None,
        [("6-1-1946", D(1946, 1, 6), False, None), ("6-1-2026", D(2026, 1, 6), False, None)],
    ),
    (
        "Tối thứ Bảy, 9/9 đoàn viên giao lưu",
        2024,
        [("Tối thứ Bảy, 9/9", D(2024, 9, 9), True, "tối")],
    ),
    ("trưa ngày 29/2 công bố kết quả", 2024, [("trưa ngày 29/2", D(2024, 2, 29), True, "trưa")]),
    ("ngày 30/4 toàn tỉnh treo cờ", None, [("ngày 30/4", None, False, None)]),
    ("mồng 2 tháng 9 năm 1945", None, [("mồng 2 tháng 9 năm 1945", D(1945, 9, 2), False, None)]),
    # A range of days in one month is one date, its first day.
    (
        "Trong hai ngày 19 và 20/7, công đoàn ngành tổ chức đại hội",
        2023,
        [("ngày 19 và 20/7", D(2023, 7, 19), True, None)],
    ),
    (
        "diễn ra từ ngày 1 đến 3/12/2023 tại Hà Nội",
        None,
        [("ngày 1 đến 3/12/2023", D(2023, 12, 1), False, None)],
    ),
    ("họp trong hai ngày 16-17/5/2023", None, [("ngày 16-17/5/2023", D(2023, 5, 16), False, None)]),
    ("Sáng 8 – 9/10/2024 hội thao", None, [("Sáng 8 – 9/10/2024", D(2024, 10, 8), False, "sáng")]),
]

NEGATIVES = [
    "Tỷ lệ đạt 2.015/2.340 đoàn viên",  # a ratio with thousands separators
    "có 512/512 công đoàn cơ sở tham gia",  # a ratio
    "theo Công văn số 341/LĐLĐ-TC của LĐLĐ tỉnh",  # a document symbol
    "Nghị định số 12/2022/NĐ-CP quy định",  # a symbol holding a year
    "ngày 31/2/2021 là ngày không có",  # impossible date
    "2/3 số đoàn viên đã tham gia",  # fraction, no cue
    "trong tháng 6/2023 tổ chức",  # a month, no day
    "tăng 1.5 lần so với cùng kỳ",  # decimal
    "giờ làm việc 7.30 sáng",  # time, no year
    "1 và 2/3 số đoàn viên tham gia",  # fractions, no cue
]


@pytest.mark.parametrize(("text", "year", "expected"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_find_dates(text: str, year: int | None, expected: list[tuple[object, ...]]) -> None:
    found = find_dates(text, year)
    assert [(d.text, d.date, d.year_inferred, d.part_of_day) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize("text", NEGATIVES, ids=NEGATIVES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, 2024) == []


RESOLVE = [
    ("Chiều 5/6", 2022, D(2022, 6, 5)),
    ("ngày 1/7/2023", None, D(2023, 7, 1)),
    ("3 tháng Tám, 2021", None, D(2021, 8, 3)),  # dateparser fallback: month as a word
    ("hôm nay", 2024, None),  # relative words are no date
    ("tháng 5/2020", None, None),
]


@pytest.mark.parametrize(("text", "year", "expected"), RESOLVE, ids=[r[0] for r in RESOLVE])
def test_resolve_date(text: str, year: int | None, expected: dt.date | None) -> None:
    assert resolve_date(text, year) == expected


def test_a_range_keeps_its_last_day() -> None:
    [mention] = find_dates("Trong hai ngày 16 và 17/5/2023, huyện tổ chức đại hội")
    assert (mention.date, mention.date_end) == (D(2023, 5, 16), D(2023, 5, 17))
