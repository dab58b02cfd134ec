"""YAML event files: bounded alias expansion (finding 8) and values checked as records."""

import time

import pytest

from geo_ukraine import EventSchemaError, read_events

EVENT = "  - event_date: 2026-02-04\n    event_type: shelling\n    location: Druzhkivka\n"


def billion_laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text + f"events:\n{EVENT}    notes: *{previous}\n"


def test_an_alias_bomb_is_refused_quickly_naming_the_file(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs())
    start = time.perf_counter()
    with pytest.raises(EventSchemaError, match=r"bomb\.yaml: YAML anchors and aliases expand"):
        read_events(path)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("text", "message"),
    [("a: &a [*a]\nevents: []\n", "alias refers to itself"),
     ("[" * 20_000 + "]" * 20_000, "nested too deeply"),
     ("events:\n - !!python/object/apply:os.system ['echo hi']\n", "not valid YAML"),
     ("x: " + "9" * 5000 + "\n", "a YAML value cannot be read"),
     ("events: [\n", "not valid YAML")],
)
def test_hostile_documents_are_refused(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(EventSchemaError, match=message):
        read_events(path)


def test_ordinary_anchors_and_merge_keys_still_work(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("common: &common\n  event_type: shelling\n  source: Wire\nevents:\n"
                    + "".join(f"  - <<: *common\n    event_date: 2026-02-0{d}\n"
                              "    location: Druzhkivka\n" for d in range(1, 8)))
    events = read_events(path)
    assert len(events) == 7 and set(events.source) == {"Wire"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("fatalities", ".inf", "fatalities must be a finite number, got inf"),
     ("fatalities", "true", "fatalities must be a whole number, got True"),
     ("fatalities", "2.7", "fatalities must be a whole number, got 2.7"),
     ("fatalities", "-5", "fatalities must be a non-negative whole number, got -5"),
     ("fatalities", "abc", "fatalities must be a whole number, got 'abc'"),
     ("injured", "1e400", "injured must be a whole number"),
     ("notes", "[a, b]", "notes must be a single value, got a list"),
     ("actor", "{a: 1}", "actor must be a single value, got a dict"),
     ("status", "yes", "status must be text, got True"),
     ("buffer_km", "-5", "buffer_km must be a radius in km above 0 and at most 1000"),
     ("buffer_km", "100000", "buffer_km must be a radius in km above 0 and at most 1000"),
     ("buffer_km", "abc", "buffer_km must be a radius"),
     ("lon", ".nan\n    lat: 48.5", "longitude must be finite"),
     ("lon", "200\n    lat: 48.5", "longitude 200.0 is outside"),
     ("lon", "37.5\n    lat: -95", "latitude -95.0 is outside"),
     ("admin1", "UA.99", "admin1 'UA.99' is not an admin-1 unit of UA"),
     ("event_date", "2026-W60", "event_date '2026-W60' is not a date")],
)
def test_bad_values_name_the_record_and_field(tmp_path, field, value, message):
    path = tmp_path / "events.yaml"
    event = EVENT.replace("shelling", "territorial_claim") if field == "buffer_km" else EVENT
    if field == "event_date":
        text = "events:\n" + event.replace("2026-02-04", value)
    else:
        text = f"events:\n{event}    {field}: {value}\n"
    path.write_text(text)
    with pytest.raises(EventSchemaError, match=r"events\.yaml record 1: .*" + message):
        read_events(path)
