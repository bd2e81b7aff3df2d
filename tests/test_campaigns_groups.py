"""The campaign patterns' groups read by index are the named ones."""

from vnunion_nlp.extractors import campaigns


def test_group_indices() -> None:
    lex = campaigns._lexicon()
    assert lex.launcher_after_re.groupindex == {"who": 1}
    assert lex.launcher_before_re.groupindex == {"who": 1}
    assert lex.theme_re.groupindex == {"theme": 1}
    assert campaigns._YEAR_AFTER.groupindex == {"year": campaigns._YEAR}
    assert campaigns._YEAR_IN_NAME.groupindex == {"year": campaigns._YEAR}
