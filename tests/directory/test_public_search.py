"""The Local Offer search: words (stemming, accents, typos), ranking, every filter alone
and together, and distance."""

import pytest

from opensend.directory.public import index
from opensend.directory.public.search import Origin, SearchQuery, correct_words, search
from tests.directory.factories import ServiceFactory
from tests.directory.public_data import HOME, HOME_POSTCODE, LocalOffer, build_local_offer

pytestmark = pytest.mark.django_db
NEAR_HOME = Origin(HOME_POSTCODE, *HOME)


@pytest.fixture
def offer() -> LocalOffer:
    return build_local_offer()


def names(query: SearchQuery) -> list[str]:
    return [hit.name for hit in search(query).hits]


def test_no_words_and_no_filters_lists_every_active_service_by_name(offer):
    assert names(SearchQuery()) == [
        "Autism-friendly Swimming",
        "Café Drama Club",
        "Online Wellbeing Group",
        "Speech Drop-in",
        "Swim School",
    ]


def test_stemming_swimming_finds_swim(offer):
    found = names(SearchQuery(words="swimming"))
    assert "Swim School" in found
    assert "Autism-friendly Swimming" in found


def test_a_name_match_ranks_above_a_mention_in_the_description(offer):
    found = names(SearchQuery(words="swimming"))
    assert found.index("Autism-friendly Swimming") < found.index("Café Drama Club")
    assert found[-1] == "Café Drama Club"


def test_all_words_matching_ranks_above_some(offer):
    found = names(SearchQuery(words="swimming autism"))
    assert found[0] == "Autism-friendly Swimming"
    assert "Swim School" in found  # "swimming" alone still matches


def test_accents_do_not_matter(offer):
    assert names(SearchQuery(words="cafe")) == ["Café Drama Club"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("swiming", "Autism-friendly Swimming"),
        ("autsim", "Autism-friendly Swimming"),
        ("speach", "Speech Drop-in"),
    ],
)
def test_typos_are_corrected(offer, typed, expected):
    results = search(SearchQuery(words=typed))
    assert expected in [hit.name for hit in results.hits]
    assert results.corrected and results.corrected != typed


def test_known_words_are_not_corrected(offer):
    assert correct_words("drama club") == "drama club"


def test_plain_english_need_words_find_the_need_code(offer):
    assert names(SearchQuery(words="autistic")) == ["Autism-friendly Swimming"]
    assert names(SearchQuery(words="anxiety")) == ["Online Wellbeing Group"]


def test_misspelt_words_are_corrected_and_the_best_match_comes_first(offer):
    results = search(SearchQuery(words="wellbeeing groop"))
    assert results.corrected == "wellbeing group"
    assert results.hits[0].name == "Online Wellbeing Group"


def test_a_name_close_to_the_words_is_found_when_no_text_matches(offer):
    # One run-together word: no word of the directory is close, but the name is.
    assert names(SearchQuery(words="onlinewellbeing")) == ["Online Wellbeing Group"]


def test_nothing_found(offer):
    results = search(SearchQuery(words="unicorn"))
    assert results.total == 0 and results.hits == []


def test_need_filter(offer):
    assert names(SearchQuery(needs=("ASD",))) == ["Autism-friendly Swimming"]
    assert names(SearchQuery(needs=("ASD", "SLCN"))) == [
        "Autism-friendly Swimming",
        "Speech Drop-in",
    ]


def test_age_filter_keeps_services_whose_range_includes_the_age(offer):
    assert names(SearchQuery(age=9)) == [
        "Autism-friendly Swimming",
        "Café Drama Club",
        "Swim School",
    ]
    assert names(SearchQuery(age=17)) == ["Online Wellbeing Group"]
    assert names(SearchQuery(age=5)) == [
        "Autism-friendly Swimming",
        "Speech Drop-in",
        "Swim School",
    ]


def test_category_filter_includes_the_categories_below(offer):
    assert names(SearchQuery(category=offer.sport.id)) == [
        "Autism-friendly Swimming",
        "Swim School",
    ]
    assert names(SearchQuery(category=offer.activities.id)) == [
        "Autism-friendly Swimming",
        "Café Drama Club",
        "Swim School",
    ]


def test_free_filter(offer):
    assert names(SearchQuery(free=True)) == [
        "Autism-friendly Swimming",
        "Online Wellbeing Group",
        "Speech Drop-in",
    ]


def test_delivery_filter(offer):
    assert names(SearchQuery(delivery=("online",))) == ["Online Wellbeing Group"]
    assert names(SearchQuery(delivery=("phone",))) == ["Speech Drop-in"]
    assert "Online Wellbeing Group" not in names(SearchQuery(delivery=("in_person",)))


def test_day_filter(offer):
    assert names(SearchQuery(days=("SA",))) == ["Autism-friendly Swimming"]
    assert names(SearchQuery(days=("MO", "FR"))) == ["Café Drama Club", "Online Wellbeing Group"]


def test_a_place_sorts_by_distance_and_online_services_come_last(offer):
    results = search(SearchQuery(origin=NEAR_HOME))
    assert [hit.name for hit in results.hits] == [
        "Autism-friendly Swimming",
        "Café Drama Club",
        "Speech Drop-in",
        "Swim School",
        "Online Wellbeing Group",
    ]
    miles = [hit.miles for hit in results.hits]
    assert miles[0] < 0.2
    assert 3.5 < miles[2] < 4.5
    assert 5.5 < miles[3] < 7
    assert miles[4] is None


def test_a_radius_keeps_only_places_within_it(offer):
    assert names(SearchQuery(origin=NEAR_HOME, within_miles=5)) == [
        "Autism-friendly Swimming",
        "Café Drama Club",
        "Speech Drop-in",
    ]
    assert names(SearchQuery(origin=NEAR_HOME, within_miles=1)) == ["Autism-friendly Swimming"]


def test_all_filters_combine(offer):
    query = SearchQuery(
        words="swimming",
        needs=("ASD",),
        age=9,
        category=offer.sport.id,
        free=True,
        delivery=("in_person",),
        days=("SA",),
        origin=NEAR_HOME,
        within_miles=5,
    )
    assert names(query) == ["Autism-friendly Swimming"]
    assert names(
        SearchQuery(words="swimming", age=9, free=False, origin=NEAR_HOME, within_miles=5)
    ) == ["Autism-friendly Swimming", "Café Drama Club"]
    assert names(SearchQuery(words="swimming", age=3)) == []


def test_a_defunct_service_is_never_found(offer):
    assert "Closed Swimming Club" not in names(SearchQuery(words="closed swimming club"))


def test_pages_of_twenty(offer):
    extra = ServiceFactory.create_batch(30, description="Extra club")
    index.refresh([service.id for service in extra])
    first, second = search(SearchQuery(), 1), search(SearchQuery(), 2)
    assert (first.total, first.pages, len(first.hits), len(second.hits)) == (35, 2, 20, 15)
    assert not {h.service_id for h in first.hits} & {h.service_id for h in second.hits}
    assert search(SearchQuery(), 9).page == 1  # past the end: the first page
