"""The document patterns' groups read by index are the named ones."""

from vnunion_nlp.extractors import documents


def test_group_indices() -> None:
    assert documents._NUMBER.groupindex == {
        "so": documents._NUMBER_SO,
        "token": documents._NUMBER_TOKEN,
        "more": documents._NUMBER_MORE,
    }
    assert documents._CENTRAL.groupindex["number"] == documents._CENTRAL_NUMBER
    assert documents._SESSION.groupindex == {"session": documents._SESSION_ROMAN}
    assert documents._QUOTED.groupindex == {"title": documents._QUOTED_TITLE}
    laws = [pattern for _, pattern in documents._lexicon().laws_in._groups]
    assert laws
    for pattern in laws:  # the numbering ``WordScanner.groupindex`` gives for all of them
        assert pattern.groupindex == documents._lexicon().laws_in.groupindex
