"""HTML input: trafilatura finds the article; the same pipeline types it."""

from __future__ import annotations

import pytest

from vnunion_nlp import extract_html
from vnunion_nlp.records import Article

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>LĐLĐ tỉnh Tuyên Quang tổ chức Đại hội lần thứ XVII - Cổng thông tin</title>
<meta property="og:title" content="LĐLĐ tỉnh Tuyên Quang tổ chức Đại hội lần thứ XVII">
<meta property="article:published_time" content="2023-07-14T08:30:00+07:00">
<meta name="author" content="Hồng Nhung">
</head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>
<li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<header><div class="banner">Liên đoàn Lao động tỉnh Tuyên Quang</div></header>
<main><article>
<h1>LĐLĐ tỉnh Tuyên Quang tổ chức Đại hội lần thứ XVII</h1>
<p class="sapo">Ngày 13/7, Liên đoàn Lao động tỉnh Tuyên Quang tổ chức Đại hội Công đoàn tỉnh lần thứ XVII, nhiệm kỳ 2023 - 2028, với sự tham dự của 250 đại biểu đại diện cho hơn 60.000 đoàn viên công đoàn trong tỉnh.</p>
<p>Nhiệm kỳ qua, các cấp công đoàn trong tỉnh đã kết nạp mới 12.450 đoàn viên, thành lập 85 công đoàn cơ sở, vượt chỉ tiêu đại hội đề ra. Hoạt động chăm lo cho đoàn viên được duy trì thường xuyên với tổng kinh phí hơn 35 tỷ đồng.</p>
<p>Đại hội đã bầu Ban Chấp hành LĐLĐ tỉnh khóa XVII gồm 27 đồng chí; đồng chí Phạm Thị Hạnh tái đắc cử Chủ tịch LĐLĐ tỉnh.</p>
</article></main>
<section class="comments"><h3>Bình luận</h3><form><textarea>Nội dung</textarea><button>Gửi bình luận</button></form></section>
<footer>Bản quyền © Liên đoàn Lao động tỉnh Tuyên Quang. Địa chỉ: đường 17/8, phường Minh Xuân.</footer>
</body></html>"""


@pytest.fixture(scope="module")
def article() -> Article:
    return extract_html(PAGE, url="https://ldld.example.vn/tin-tuc/dai-hoi-xvii")


def test_title_and_metadata(article: Article) -> None:
    assert article.title == "LĐLĐ tỉnh Tuyên Quang tổ chức Đại hội lần thứ XVII"
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2023-07-14"
    assert article.authors == ["Hồng Nhung"]
    assert article.url == "https://ldld.example.vn/tin-tuc/dai-hoi-xvii"


def test_body_kept_and_site_furniture_left_out(article: Article) -> None:
    body = " ".join(s.text for s in article.sections)
    assert "12.450 đoàn viên" in body
    assert "Phạm Thị Hạnh" in body
    for furniture in ("Trang chủ", "Liên hệ", "Gửi bình luận", "Bản quyền"):
        assert furniture not in body


def test_offsets_are_grounded(article: Article) -> None:
    for section in article.sections:
        assert article.text[section.start : section.end] == section.text


def test_bytes_with_declared_charset() -> None:
    assert extract_html(PAGE.encode("utf-8")).title == (
        "LĐLĐ tỉnh Tuyên Quang tổ chức Đại hội lần thứ XVII"
    )
