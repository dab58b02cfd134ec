import pytest

import geo_ukraine
from geo_ukraine import Gazetteer, GeoUkraineError
from geo_ukraine.gazetteer.ingest import ingest
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def _fresh_default():
    Gazetteer.reset_default()
    yield
    Gazetteer.reset_default()


def test_geonames_dump_merges_with_known_places_instead_of_duplicating():
    before = Gazetteer.default().resolve("Robotyne").place
    assert before.location_precision == "point" and before.katottg
    report = ingest(DATA / "UA_sample.txt")
    assert report["format"] == "geonames" and report["places"] == 2, "feature class P only"
    assert report["katottg_relinked"] == 0
    gaz = Gazetteer.default()
    after = gaz.resolve("Robotyne")
    assert after.status == "resolved", "the dump's Robotyne is the known one, not a namesake"
    assert after.place.place_id == before.place_id and after.place.katottg == before.katottg
    assert (round(after.place.lat, 3), round(after.place.lon, 3)) == (47.446, 35.836)
    assert gaz.resolve("Работино").place.admin1 == "UA.26"
    assert gaz.resolve("Testove").place.place_id == "gn:9990002"
    assert gaz.resolve("Test Ridge").place is None


def test_alternate_names_extend_known_places():
    report = ingest(DATA / "alternateNamesV2_sample.txt")
    assert report["format"] == "alternatenames"
    assert report["places_extended"] == 2 and report["historic_names"] == 1
    gaz = Gazetteer.default()
    assert gaz.resolve("Druschkiwka").place.place_id == "gn:616743"
    assert gaz.resolve("Artemovsk").place.place_id == "gn:713174"
    assert gaz.resolve("https://en.wikipedia.org/wiki/Druzhkivka").place is None


def test_user_csv_and_geojson_places():
    ingest(DATA / "my_places.csv")
    ingest(DATA / "my_places.geojson")
    gaz = Gazetteer.default()
    alpha = gaz.resolve("TPA").place
    assert alpha.name == "Test Position Alpha" and alpha.admin1 == "UA.05"
    assert gaz.resolve("Позиція Альфа").place == alpha
    beta = gaz.resolve("Test Crossroads Beta").place
    assert beta.kind == "facility" and beta.admin1 == "UA.26", "admin1 found by reverse lookup"
    assert geo_ukraine.settings.cache_dir.joinpath("overlay.tsv").exists()


def test_newer_katottg_renames_and_adds(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    gaz = Gazetteer.default()
    robotyne = gaz.resolve("Robotyne").place
    hromada = gaz.store.row(robotyne.place_id).hromada
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, None, None, None, None, "test edition", None])
    sheet.append(["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень",
                  "Додатковий рівень", "Категорія об’єкта", "Назва об’єкта"])
    l1, l2 = "UA23000000000064947", "UA23100000000053345"
    sheet.append([l1, l2, hromada, robotyne.katottg, None, "C", "Роботине-Нове"])
    sheet.append([l1, l2, hromada, "UA23100270999999999", None, "C", "Тестівка"])
    path = tmp_path / "kodifikator.xlsx"
    book.save(path)
    report = ingest(path)
    assert report == {**report, "renamed": 1, "added": 1}
    gaz = Gazetteer.default()
    assert gaz.resolve("Robotyne-Nove").place.place_id == robotyne.place_id
    assert gaz.resolve("Robotyne").place.place_id == robotyne.place_id, "old name kept"
    added = gaz.resolve("Testivka", admin1="UA.26").place
    assert added.location_precision == "hromada" and added.katottg == "UA23100270999999999"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("x.txt", "a\tb\n", "cannot tell the format"),
     ("bad.csv", "name,lat,lon\nSomewhere,148.0,37.0\n", "line 2: latitude 148.0"),
     ("noname.csv", "name,lat,lon\n,48.0,37.0\n", "'name' is missing"),
     ("line.geojson", '{"type":"FeatureCollection","features":[{"type":"Feature",'
      '"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"properties":{}}]}',
      "only Point features")],
)
def test_bad_ingest_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(GeoUkraineError, match=message):
        ingest(path)


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        ingest("/nonexistent/UA.txt")


# ----------------------------------------------------------------- hostile and damaged input
def test_a_reused_id_that_moves_kyiv_to_moscow_is_refused(tmp_path):
    kyiv = Gazetteer.default().resolve("Kyiv").place
    line = "\t".join([str(kyiv.geonameid), "Kyiv", "Kyiv", "", "55.75580", "37.61730", "P",
                      "PPLC", "UA", "", "12", "", "", "", "2797553", "", "150", "Europe/Kyiv",
                      "2026-01-01"])
    path = tmp_path / "UA.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GeoUkraineError, match="would move known places") as info:
        ingest(path)
    assert "Kyiv" in info.value.conflicts[0] and "km" in info.value.conflicts[0]
    assert not geo_ukraine.settings.cache_dir.joinpath("overlay.tsv").exists()
    assert Gazetteer.default().resolve("Kyiv").place.lat == kyiv.lat


def test_a_user_place_named_like_a_capital_far_away_needs_force(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text("name,aliases,lat,lon,country,admin1,admin2\nKyiv,,55.75,37.62,UA,,\n",
                    encoding="utf-8")
    from geo_ukraine.cli import main

    assert main(["gazetteer", "ingest", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err
    assert Gazetteer.default().resolve("Kyiv").place.admin1 == "UA.12"
    assert main(["gazetteer", "ingest", str(path), "--force"]) == 0
    assert "accepted with --force: Kyiv" in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["truncated", "garbage", "bad_coordinates", "binary"])
def test_a_damaged_overlay_is_reported_and_ignored(damage):
    ingest(DATA / "my_places.csv")
    path = geo_ukraine.settings.cache_dir / "overlay.tsv"
    text = path.read_text(encoding="utf-8")
    if damage == "truncated":
        path.write_text(text[: len(text) // 2].rsplit("\t", 3)[0], encoding="utf-8")
    elif damage == "garbage":
        path.write_text("this is not\ta gazetteer overlay\n", encoding="utf-8")
    elif damage == "bad_coordinates":
        path.write_text(text.replace("\tpoint\t", "\tpoint\t", 1).replace("48.", "248.", 1),
                        encoding="utf-8")
    else:
        path.write_bytes(b"\xff\xfe\x00\x00" * 50)
    Gazetteer.reset_default()
    with pytest.warns(geo_ukraine.GeoUkraineWarning, match="overlay is ignored"):
        gaz = Gazetteer.default()
    assert gaz.resolve("Kyiv").place.admin1 == "UA.12"
