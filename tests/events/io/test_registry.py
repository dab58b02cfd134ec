"""The driver registry: extension and driver agree, outputs checked before work starts."""

import pytest

from geo_ukraine import EventSchemaError, read_events, write_events
from geo_ukraine._files import OutputPathError
from geo_ukraine.cli import main
from geo_ukraine.events.io import DRIVERS, EXTENSIONS, check_event_output, detect_driver


def test_every_extension_names_a_driver_that_reads():
    for extension, name in EXTENSIONS.items():
        assert extension.startswith(".") and DRIVERS[name].read is not None
    assert detect_driver("x.parquet").name == "parquet"
    assert detect_driver("x.KMZ").name == "kmz"
    assert detect_driver("x.csv", "ACLED").name == "acled"


@pytest.mark.parametrize(("name", "driver"), [("x.csv", "kml"), ("x.kml", "geojson"),
                                              ("x.parquet", "gpkg"), ("x.geojson", "acled")])
def test_an_extension_that_disagrees_with_the_driver_is_refused(tmp_path, seed_events, name,
                                                                driver):
    with pytest.raises(OutputPathError, match="is for .* files, not " + driver):
        write_events(seed_events, tmp_path / name, driver=driver)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(("name", "driver"), [("x.csv", "acled"), ("x.out", "kml"),
                                              ("noext", "gpkg")])
def test_a_driver_may_write_its_own_or_an_unknown_extension(tmp_path, name, driver):
    assert check_event_output(tmp_path / name, driver=driver) == tmp_path / name


def test_export_refuses_a_disagreeing_extension_with_one_line(tmp_path, seed_events, capsys):
    source = write_events(seed_events, tmp_path / "in.geojson")
    assert main(["export", str(source), "-o", str(tmp_path / "x.csv"), "--driver", "kml"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'.csv' is for csv files, not kml" in err
    assert not (tmp_path / "x.csv").exists()


def test_yaml_is_read_only(tmp_path, seed_events):
    with pytest.raises(OutputPathError, match="yaml is read only"):
        write_events(seed_events, tmp_path / "x.yaml")


@pytest.mark.parametrize("precision", [-1, 16, 2.5, True, "6"])
def test_precision_must_be_a_number_of_decimals(tmp_path, seed_events, precision):
    with pytest.raises(ValueError, match="precision must be a whole number of decimals"):
        write_events(seed_events, tmp_path / "x.geojson", precision=precision)


def test_unknown_driver(tmp_path, seed_events):
    with pytest.raises(ValueError, match="driver 'shapefile' is not one of"):
        write_events(seed_events, tmp_path / "x.shp", driver="shapefile")


def test_a_directory_is_not_an_event_file(tmp_path):
    folder = tmp_path / "dir.geojson"
    folder.mkdir()
    with pytest.raises(EventSchemaError, match="is a directory or other non-file"):
        read_events(folder)


def test_a_write_failure_is_one_clear_error(tmp_path, seed_events, monkeypatch):
    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(DRIVERS, "geojson", DRIVERS["geojson"]._replace(write=disk_full))
    with pytest.raises(OutputPathError, match=r"could not be written \(No space left"):
        write_events(seed_events, tmp_path / "x.geojson")
