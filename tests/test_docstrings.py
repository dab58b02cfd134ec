"""The examples in the public docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.conftest import ROOT

MODULES = ["geo_ukraine", "geo_ukraine.names", "geo_ukraine._settings", "geo_ukraine.gazetteer",
           "geo_ukraine.events", "geo_ukraine.extract", "geo_ukraine.geocoders",
           "geo_ukraine.maps"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_every_public_name_is_documented():
    import geo_ukraine

    undocumented = [name for name in geo_ukraine.__all__
                    if callable(getattr(geo_ukraine, name)) and
                    not (getattr(geo_ukraine, name).__doc__ or "").strip()]
    assert undocumented == []
