"""Sentences and page furniture."""

from geo_ukraine import extract_events, find_places
from geo_ukraine.extract import sentences
from geo_ukraine.extract.sentences import starts_sentence


def test_mojibake_and_menus_are_noise():
    text = ("En\nEnglishAzərbaycanРусский\nBreaking Stories You Might Have Missed\n"
            "Talks with President Gitanas NausÄ—da touched on drones and missile deliveries.\n")
    noise = [s.noise for s in sentences(text)]
    assert noise[:3] == [True, True, True]
    assert not any("Naus" in m.surface for m in find_places(text))
    assert len(extract_events(text, published="2026-02-01")) == 0


def test_starts_sentence_looks_back_a_few_characters():
    text = "Hello. Senator Graham met them in Kyiv"
    assert starts_sentence(text, 0) and starts_sentence(text, text.index("Senator"))
    assert not starts_sentence(text, text.index("Graham"))
