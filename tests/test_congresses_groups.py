"""The congress patterns' groups read by index in the hot loop are the named ones."""

from vnunion_nlp.extractors import congresses


def test_group_indices() -> None:
    pat = congresses._patterns()
    assert pat.roman_after_cue.groupindex == {"ord": congresses._ORD}
    assert pat.ordinal.groupindex == {"ord": congresses._ORD, "khoa": congresses._KHOA}
    assert pat.ordinal_later.groupindex == {"ord": congresses._ORD}
    assert pat.of_org.groupindex == {"org": 1}
    assert set(pat.committee.groupindex) == {"n"}
    assert set(pat.delegates.groupindex) == {"n", "n2"}
