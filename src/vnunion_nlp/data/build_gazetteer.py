"""Build ``gazetteer.tsv`` from underthesea's bundled address data (run it after an upgrade).

    python -m vnunion_nlp.data.build_gazetteer > src/vnunion_nlp/data/gazetteer.tsv

underthesea ships the 63 provinces before the 2025 merger and the province each became
(``address/data/mapping.json``, from vietnamadminunits). The library reads the TSV only; the test
``tests/test_locations.py`` rebuilds it in memory and compares.
"""

from __future__ import annotations

import json
import sys
from importlib import resources

HEADER = """# Provinces and centrally governed cities of Vietnam before the 2025 merger, with the
# province each belongs to since 2025-07-01. Source: underthesea's bundled address data
# (underthesea/address/data/mapping.json, from vietnamadminunits); built by build_gazetteer.py.
# name: short name as written in news; kind: tỉnh | thành phố; province_2025: short name
# after the 2025 merger
"""


def build() -> str:
    data = json.loads(
        resources.files("underthesea.address").joinpath("data/mapping.json").read_text("utf-8")
    )
    old, new = data["old_province_names"], data["province_names"]
    rows = ["name\tkind\tprovince_2025"]
    for key, info in sorted(old.items(), key=lambda kv: kv[1]["short"]):
        kind = "thành phố" if info["name"].startswith("Thành phố") else "tỉnh"
        merged = new[data["province_mapping"][key]]["short"]
        rows.append(f"{info['short']}\t{kind}\t{merged}")
    return HEADER + "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(build())
