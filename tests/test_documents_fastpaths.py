"""The fast paths of the `documents` extractor give what the slow way gives (invented sentences).

* ``_may_be_kept``: a type word it turns down is one the four readers would find no number, no
  name and no quoted title after;
* the search of the lowered content for "luật" before the law scan: an article without it has
  no law ("Luật", "Bộ luật" as written).
"""

from __future__ import annotations

import dataclasses

import pytest

from tests.test_documents import EXAMPLES, NEGATIVES
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.extractors import documents
from vnunion_nlp.extractors.documents import extract_documents
from vnunion_nlp.normalize import normalize

TRICKY = [
    "Nghị quyết “Xây dựng Đảng trong sạch”",  # quoted title right after a capitalised type
    "nghị quyết “Xây dựng Đảng” của chi bộ",  # lower case: no title without "về"
    "Đề án  “Đầu tư”",  # two spaces: no quoted title either way
    "Kế hoạch “A” và về “B” của huyện",  # a quote before "về" and one after
    "kế hoạch về “B” rồi “C”",
    "Quyết định, ngày 12/6/2021 của Bộ Y tế về “An toàn lao động”",  # header, then the title
    "kế hoạch của Bộ Y tế (khóa XII) về việc “An toàn”",
    "thông báo về việc “Nghỉ lễ 2/9”",
    "công văn về “Tăng lương”",
    "quy định về tiền lương “tối thiểu” vùng",
    "nghị quyết\u00a0số 12 của Đảng ủy",  # another white space before the number
    "nghị quyết  12",
    "chỉ thị \u0661\u0662 của huyện",  # Arabic-Indic digits are \\d too
    "Kế hoạch 2017 của trường",  # a year, no number
    "kế hoạch năm 2022",
    "nghị quyết đại hội Công đoàn tỉnh khóa VII",  # lower-case congress
    "nghị quyết ĐH XII của Đảng",
    "Nghị quyết Trung ương 4 khóa XII",
    "nghị quyết Đại hội các cấp",  # generic
    "chỉ thị Đảng ủy khối khóa VIII",
    "kế hoạch số",  # "số" at the end
    "hướng dẫn số hóa",
    "văn bản số 85/HD-TLĐ",
    "văn bản sô 85",
    "kế hoạch, số 15/KH",
    "quy định",
    "điều lệ Công đoàn Việt Nam",
    "chương trình hành động “Vì người lao động”",
    "Chương trình hành động về “Vì người lao động” và Luật Công đoàn",
    "Luật Công đoàn và Bộ luật Lao động",
    "Bộ\u00a0Luật Lao động năm 2019",
    "bộ luật lao động, LUẬT CÔNG ĐOÀN",  # the prefixes are case-sensitive
    "pháp luật về lao động",
    "Nghị quyết Ban Chấp hành Đảng bộ khóa XII",  # a named issuer: a capital, then a session
    "Nghị quyết Đảng bộ tỉnh (khoá XV) về phát triển",
    "chỉ thị Ban Bí thư (khoa XII)",  # a session without its accents
    "Nghị quyết Trung ương 4 về xây dựng Đảng",
    "nghị quyết Ban Thường vụ về công tác cán bộ",  # a capital without a session: no name
    "Nghị quyết ĐẠI HỘI Công đoàn tỉnh lần thứ X",
    "nghị quyết đại  hội Đảng bộ huyện",
    "kế hoạch về việc “Xây dựng nếp sống”",
    "kế hoạch về  “Xây dựng”",
    "kế hoạch “Tháng Công nhân” về việc",
    "Kế hoạch “Tháng Công nhân”",
    "Kế hoạch, “Tháng Công nhân”",
    "Kế hoạch của Ban Thường vụ “Tháng Công nhân”",
]
SENTENCES = TRICKY + [sentence for sentence, _ in EXAMPLES] + NEGATIVES


def _article(sentence: str) -> ParsedArticle:
    return ParsedArticle.from_paragraphs(normalize(sentence).text)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_turned_down_type_words_would_yield_nothing(sentence: str) -> None:
    doc = _article(sentence)
    text = doc.text
    for index, hits in documents._hits(doc, documents._lexicon().types_in).items():
        section_end = doc.sections[index].end
        for shift, m in hits:
            start, end = shift + m.start(), shift + m.end()
            limit = documents._section_limit(text, start, section_end)
            header_limit = min(limit, end + documents._HEADER_WINDOW)
            capitalised = m.group(0)[:1].isupper()
            if documents._may_be_kept(text, end, header_limit, limit, capitalised):
                continue
            r = documents._read(text, end, header_limit, limit, capitalised)
            assert not r.numbers, m.group(0)
            assert not r.named, m.group(0)
            assert not r.quoted_title, m.group(0)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_fast_paths_give_the_slow_records(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = extract_documents(_article(sentence))
    # The slow way: every type word read, the law scan run on every article ("" is in any text).
    slow_lexicon = dataclasses.replace(documents._lexicon(), law_words=("",))
    monkeypatch.setattr(documents, "_lexicon", lambda: slow_lexicon)
    monkeypatch.setattr(documents, "_may_be_kept", lambda *_: True)
    assert extract_documents(_article(sentence)) == fast
