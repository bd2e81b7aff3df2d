"""Build hook: a wheel of vnunion_nlp carries its hot modules compiled with mypyc.

The extractors, the layout stages and their helpers are plain, fully typed Python (mypy --strict);
mypyc turns them into C extensions that run the same code faster (README, Performance). The
``.py`` sources stay in the wheel beside the extensions, which Python imports first. The modules
compiled are ``compile`` of ``[tool.hatch.build.targets.wheel.hooks.custom]`` in pyproject.toml;
pydantic models are never among them (see ``cues.py``).

Written here rather than taken from ``hatch-mypyc``: that plugin compiles editable installs too and
leaves the extensions in the source tree, where they would shadow every later edit of a ``.py``.
This hook builds in a temporary directory and only for a regular wheel. An editable install
(``pip install -e``, for development) stays pure Python, and so does any build with
``VNUNION_PURE_PYTHON=1`` (for a machine without a C compiler).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="vnunion_nlp_compiled",
    ext_modules=mypycify(sys.argv[1:], opt_level="3", target_dir={generated!r}),
    script_args=["build_ext", "--build-lib", {lib!r}, "--build-temp", {temp!r}],
)
"""


class MypycHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable" or os.environ.get("VNUNION_PURE_PYTHON"):
            return
        source = Path(self.root) / "src"
        modules = sorted(
            str(path.relative_to(source))
            for pattern in self.config.get("compile", [])
            for path in source.glob(pattern)
        )
        if not modules:
            return
        self._build_dir = tempfile.TemporaryDirectory()  # the wheel is written from it
        lib = Path(self._build_dir.name) / "lib"
        setup = Path(self._build_dir.name) / "setup.py"
        temp = str(Path(self._build_dir.name) / "temp")
        generated = str(Path(self._build_dir.name) / "c")
        setup.write_text(
            _SETUP.format(lib=str(lib), temp=temp, generated=generated), encoding="utf-8"
        )
        # mypy reads the project's [tool.mypy]; the paths are relative to src/ so that the
        # modules are named vnunion_nlp.*
        command = [sys.executable, str(setup), "--config-file", "../pyproject.toml"]
        command += ["--cache-dir", str(Path(self._build_dir.name) / "cache"), *modules]
        done = subprocess.run(command, cwd=source, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                "mypyc could not compile vnunion_nlp (VNUNION_PURE_PYTHON=1 builds without it):\n"
                f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
            )
        for built in [*lib.rglob("*.so"), *lib.rglob("*.pyd")]:
            build_data["force_include"][str(built)] = str(built.relative_to(lib))
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        build_dir = getattr(self, "_build_dir", None)
        if build_dir is not None:
            build_dir.cleanup()
