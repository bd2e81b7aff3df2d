"""Build ``gazetteer.tsv`` from underthesea's bundled address data (run it after an upgrade).

    python -m vnunion_nlp.data.build_gazetteer > src/vnunion_nlp/data/gazetteer.tsv

underthesea ships the 63 provinces before the 2025 merger, the province each became, and every
old ward with its old district (``address/data/mapping.json``, from vietnamadminunits). The
library reads the TSV only; ``tests/test_locations.py`` rebuilds it in memory and compares.
"""

from __future__ import annotations

import json
import sys
from importlib import resources

HEADER = """# Provinces and districts of Vietnam before the 2025 merger, with the province each
# belongs to since 2025-07-01. Source: underthesea's bundled address data
# (underthesea/address/data/mapping.json, from vietnamadminunits); built by build_gazetteer.py.
# name: short name as written in news; kind: tỉnh | thành phố | huyện | quận | thị xã;
# level: province | district; province: its province before 2025 (short name);
# province_2025: its province after the 2025 merger (short name)
"""
_DISTRICT_KINDS = {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"}


def _split(full: str) -> tuple[str, str]:
    for prefix, kind in _DISTRICT_KINDS.items():
        if full.startswith(prefix + " "):
            return kind, full[len(prefix) + 1 :]
    return "huyện", full


def build() -> str:
    data = json.loads(
        resources.files("underthesea.address").joinpath("data/mapping.json").read_text("utf-8")
    )
    old, new = data["old_province_names"], data["province_names"]
    short_2025 = {key: new[data["province_mapping"][key]]["short"] for key in old}
    rows = {
        (info["short"], "thành phố" if info["name"].startswith("Thành phố") else "tỉnh",
         "province", info["short"], short_2025[key])
        for key, info in old.items()
    }  # fmt: skip
    for ward in data["ward_mapping"]:
        kind, name = _split(ward["old_district"])
        key = ward["old_province_key"]
        rows.add((name, kind, "district", old[key]["short"], short_2025[key]))
    lines = ["name\tkind\tlevel\tprovince\tprovince_2025"]
    lines += ["\t".join(row) for row in sorted(rows, key=lambda r: (r[2] != "province", r))]
    return HEADER + "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(build())
