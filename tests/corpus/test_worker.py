import dataclasses

import geo_ukraine
from geo_ukraine import Gazetteer
from geo_ukraine.corpus import WorkerSetup


def test_the_client_setup_changes_nothing_in_the_client_process():
    before = Gazetteer.default()
    settings = dataclasses.asdict(geo_ukraine.settings)
    setup = WorkerSetup.from_client()
    assert setup.overlay is None, "the tests' cache holds no overlay"
    assert "cache_dir" not in setup.options
    assert setup.gazetteer() is before, "no reload where the settings are already the client's"
    assert dataclasses.asdict(geo_ukraine.settings) == settings


def test_the_setup_key_follows_settings_and_overlay():
    setup = WorkerSetup.from_client()
    other = dataclasses.replace(setup, options={**setup.options, "min_score": 0.9})
    with_overlay = dataclasses.replace(setup, overlay=b"user:1\tPlace\n")
    assert len({setup.key, other.key, with_overlay.key}) == 3
    assert WorkerSetup.from_client().key == setup.key
