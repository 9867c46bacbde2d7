"""features/reporters.py: which byline codes are people (with a reporter page)."""

from __future__ import annotations

import pytest

from press_release.features.reporters import Reporters

SITE = {"PRESS_RELEASE_REPORTERS": {"ky": "Kiky Yuliana", "RUS": "Rusdiansyah", "adv": "Adi"}}


@pytest.mark.parametrize(
    ("codes", "credited", "authors"),
    [
        (["ky", "her", "yans"], [], ["ky"]),
        (["rus"], [], ["rus"]),  # any letter case, the code kept as written (its URL)
        (["her", "yans"], ["Siti Rahmawati"], []),  # codes, none known: nobody
        ([], ["Siti Rahmawati"], ["Siti Rahmawati"]),  # a credit line's names are people
        (["adv"], [], []),  # an advertorial mark is never a person, even when named
        (["ky", "ky"], [], ["ky"]),
    ],
    ids=["known-and-unknown", "letter-case", "no-known-code", "credit-line", "advertorial",
         "once"],
)  # fmt: skip
def test_authors(codes, credited, authors):
    assert Reporters.of(SITE).authors(codes, credited) == authors


def test_names_and_advertorial_marks():
    reporters = Reporters.of({**SITE, "PRESS_RELEASE_ADVERTORIAL": ["adv", "ADVERTORIAL"]})
    assert reporters.name("KY") == "Kiky Yuliana" and reporters.name("her") is None
    assert reporters.any_advertorial(["Advertorial", "hms7"])
    assert not reporters.any_advertorial(["ky", "humasprov"])
    assert Reporters.of({}).any_advertorial(["adv"])  # the default mark
