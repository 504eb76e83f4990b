"""The package ships every data file it reads: a wheel holds only what package-data names."""
from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

tomllib = pytest.importorskip("tomllib") if sys.version_info >= (3, 11) else pytest.importorskip("tomli")


def test_every_data_file_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["jdparse"]
    pkg = ROOT / "jdparse"
    data = [p.relative_to(pkg).as_posix() for p in (pkg / "data").rglob("*") if p.is_file()]
    assert data, "jdparse/data holds no files"
    missing = [f for f in data if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert missing == [], f"not in [tool.setuptools.package-data]: {missing}"
