"""The examples in the public docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from tests.conftest import ROOT


def _modules() -> list[str]:
    import geo_ukraine

    found = pkgutil.walk_packages(geo_ukraine.__path__, "geo_ukraine.")
    return ["geo_ukraine", *sorted(i.name for i in found if i.name != "geo_ukraine.__main__")]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_every_public_name_is_documented():
    import geo_ukraine

    undocumented = [name for name in geo_ukraine.__all__
                    if callable(getattr(geo_ukraine, name)) and
                    not (getattr(geo_ukraine, name).__doc__ or "").strip()]
    assert undocumented == []
