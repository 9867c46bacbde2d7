"""The short names of regencies and cities (data/region_short_names.tsv) the dateline reads
as places: each stands for a region the official table names, and is then a region."""

from press_release.parse import regions


def _short_names():
    return regions.read_regions(regions.SHORT_NAMES_FILE.read_text(encoding="utf-8"))


def test_every_short_name_stands_for_a_region_of_the_official_table():
    text = regions.REGIONS_FILE.read_text(encoding="utf-8")
    official = {name for code, name in regions.read_regions(text) if code.count(".") < 2}
    pairs = _short_names()
    assert len(pairs) > 100
    assert [pair for pair in pairs if pair[1] not in official] == []


def test_short_names_are_regions_and_unique():
    pairs = _short_names()
    assert len({short for short, _ in pairs}) == len(pairs)
    assert all(regions.is_region(short) for short, _ in pairs)
    assert regions.is_region("kukar") and regions.is_region("Benteng")


def test_a_word_no_table_names_is_still_no_region():
    assert not regions.is_region("KBRN")
    assert not regions.is_region("Pemerintahan")
