"""Each worker applies the records that changed to the index it holds, instead of reading the whole index again."""

from django.http import QueryDict

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.search import snapshot
from widmonitor.search.models import Change
from widmonitor.search.query import SearchQuery, matching_ids, search


def uids(text, language="en"):
    return [i.uid for i in search(SearchQuery.from_params(QueryDict(f"q={text}")), language).initiatives]


def test_an_edit_is_applied_to_the_index_the_worker_holds(fictional_registry, django_assert_max_num_queries):
    held = snapshot.current()
    initiative = Initiative.objects.get(uid="mentoring-network")
    initiative.title = {"en": "Robotics network for women in tech"}
    save_initiative(initiative, {}, None, "Renamed")

    with django_assert_max_num_queries(4):  # the generation, the changes, the changed entry, its texts
        now = snapshot.current()

    assert now is held and now.number == held.number
    assert uids("robotics") == ["mentoring-network"] and uids("mentoring") == []


def test_unpublishing_and_deleting_take_the_records_out_of_the_index_held(fictional_registry, django_user_model):
    held = snapshot.current()
    moderator = django_user_model.objects.create_user("moderator")
    Initiative.objects.filter(uid="teachers-ai").reject(moderator, "Not public after all")
    Initiative.objects.get(uid="girls-code").delete()

    assert snapshot.current() is held
    assert uids("intelligence") == [] and uids("girls") == []
    assert held.rows.keys() == set(Initiative.objects.published().values_list("pk", flat=True))
    assert "audience:girls" not in held.postings  # girls-code was the only one for girls


def test_a_worker_whose_changes_are_logged_no_more_reads_the_whole_index(fictional_registry):
    held = snapshot.current()
    initiative = Initiative.objects.get(uid="mentoring-network")
    initiative.title = {"en": "Robotics network for women in tech"}
    save_initiative(initiative, {}, None, "Renamed")
    Change.objects.all().delete()  # as if this worker had slept through more generations than are kept

    assert snapshot.current() is not held
    assert uids("robotics") == ["mentoring-network"]


def test_the_index_updated_change_by_change_finds_what_an_index_read_whole_finds(fictional_registry, django_user_model):
    snapshot.current()
    moderator = django_user_model.objects.create_user("moderator")
    Initiative.objects.filter(uid="secret-draft").publish(moderator)
    initiative = Initiative.objects.get(uid="women-developers")
    initiative.title = {**initiative.title, "en": "Web training for women"}
    save_initiative(initiative, {"audiences": []}, None, "Edited")
    queries = ["q=web+women", "q=geheim", "audience=women", "sort=newest", "sort=starts&q=code"]
    updated = [matching_ids(SearchQuery.from_params(QueryDict(q)), "en") for q in queries]

    snapshot._current.clear()

    assert [matching_ids(SearchQuery.from_params(QueryDict(q)), "en") for q in queries] == updated
