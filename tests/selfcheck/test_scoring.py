"""Answers become a level per competence and per area; the walk skips a level's statement after a "not yet"."""

import pytest

from widmonitor.selfcheck.answers import NOT_YET, YES, Answers, walk
from widmonitor.selfcheck.framework import framework
from widmonitor.selfcheck.scoring import score

Y, N = YES, NOT_YET
CODES = [c.code for c in framework().competences]


def answers(**by_code):
    """Answers from ``c1_1=["yes", "not-yet"]``; a competence not named is answered "not-yet" at foundation."""
    lists = {code: by_code.get("c" + code.replace(".", "_"), [N]) for code in CODES}
    return Answers(framework(), {(code, i): value for code, values in lists.items() for i, value in enumerate(values)})


def test_the_framework_has_digcomp_s_five_areas_and_twenty_one_competences():
    assert [a.code for a in framework().areas] == ["1", "2", "3", "4", "5"]
    assert CODES == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4"]
    assert framework().competence("3.4").names["en"] == "Programming"


def test_every_competence_has_a_statement_at_each_level_in_dutch_french_and_english():
    for competence in framework().competences:
        assert set(competence.statements) == {"foundation", "intermediate", "advanced"}
        for texts in competence.statements.values():
            assert set(texts) == {"en", "nl", "fr"} and all(texts.values())


@pytest.mark.parametrize(
    ("given", "level"),
    [
        ([N], 0),
        ([Y, N], 1),
        ([Y, Y, N], 2),
        ([Y, Y, Y], 3),
        ([N, Y, Y], 0),  # the skipped levels above a "not yet" do not count, whatever the form sent
        ([Y, N, Y], 1),
        ([Y, "maybe", Y], 1),  # a value that is not an answer ends the chain
    ],
)
def test_a_competence_s_level_is_its_run_of_yes_from_the_lowest_level(given, level):
    assert score(answers(c2_5=given)).levels()["2.5"] == level


def test_an_answer_above_a_not_yet_is_dropped():
    assert answers(c1_1=[N, Y, Y]).as_lists()["1.1"] == [N]
    assert answers(c1_1=[Y, N, Y]).as_lists()["1.1"] == [Y, N]


@pytest.mark.parametrize(
    ("area_answers", "score_", "level_name"),
    [
        ({"c1_1": [N], "c1_2": [N], "c1_3": [N]}, 0.0, "Getting started"),
        ({"c1_1": [Y, Y, Y], "c1_2": [Y, N], "c1_3": [N]}, 1.3, "Foundation"),  # mean 4/3, rounded down
        ({"c1_1": [Y, Y, Y], "c1_2": [Y, Y, Y], "c1_3": [N]}, 2.0, "Intermediate"),
        ({"c1_1": [Y, Y, Y], "c1_2": [Y, Y, Y], "c1_3": [Y, Y, N]}, 2.7, "Intermediate"),
        ({"c1_1": [Y, Y, Y], "c1_2": [Y, Y, Y], "c1_3": [Y, Y, Y]}, 3.0, "Advanced"),
    ],
)
def test_an_area_s_level_is_the_mean_of_its_competences_rounded_down(area_answers, score_, level_name):
    area = score(answers(**area_answers)).areas[0]
    assert (area.score, str(area.level_name)) == (score_, level_name)


def test_the_areas_to_improve_come_lowest_first_and_leave_out_advanced_ones():
    everything = {"c" + code.replace(".", "_"): [Y, Y, Y] for code in CODES}
    result = score(answers(**{**everything, "c4_1": [N], "c2_1": [Y, N], "c5_1": [N], "c5_2": [N]}))
    assert [a.area.code for a in result.to_improve] == ["5", "4", "2"]


def test_what_she_can_do_and_what_to_learn_next_are_the_statements_of_her_level_and_the_one_above():
    competence = score(answers(c3_4=[Y, N])).areas[2].competences[3]
    assert competence.can == "I can give a device a simple series of instructions, for instance in a block-based coding game."
    assert competence.next.startswith("I can write a small program or automation")
    top = score(answers(c3_4=[Y, Y, Y])).areas[2].competences[3]
    assert top.next == "" and top.can.startswith("I can plan, write and test a program")


def test_the_walk_asks_a_level_only_for_the_competences_answered_yes_below_it():
    given = answers(c1_1=[Y], c1_2=[N], c1_3=[Y])  # area 1's foundation page answered
    first = given.pages()[0]
    assert first.key == "1-foundation"
    following = walk(given, "next", "1-foundation").page
    assert following.key == "1-intermediate"
    assert [c.code for c in given.statements(following)] == ["1.1", "1.3"]


def test_the_walk_leaves_out_a_level_page_nobody_reaches():
    given = answers(c1_1=[N], c1_2=[N], c1_3=[N])
    assert walk(given, "next", "1-foundation").page.key == "2-foundation"


def test_next_with_an_unanswered_statement_stays_on_the_page_and_names_it():
    given = Answers(framework(), {("1.1", 0): Y, ("1.3", 0): N})
    step = walk(given, "next", "1-foundation")
    assert step.page.key == "1-foundation" and [c.code for c in step.missing] == ["1.2"]


def test_back_goes_to_the_previous_open_page_and_keeps_the_answers():
    given = answers(c1_1=[Y, Y], c1_2=[N], c1_3=[N])
    assert walk(given, "back", "2-foundation").page.key == "1-advanced"
    assert walk(given, "back", "1-foundation").page is None  # the introduction
    assert given.as_lists()["1.1"] == [Y, Y]


def test_the_last_next_of_complete_answers_opens_the_result():
    given = answers()
    assert given.complete and given.pages()[-1].key == "5-foundation"
    assert walk(given, "next", "5-foundation").result


def test_incomplete_answers_never_open_the_result():
    given = Answers(framework(), {(code, 0): N for code in ("5.1", "5.2", "5.3", "5.4")})
    step = walk(given, "next", "5-foundation")  # the last page answered, the others never seen
    assert not step.result and step.page.key == "1-foundation" and not step.missing


def test_someone_who_answers_no_everywhere_reads_twenty_one_statements_and_yes_everywhere_sixty_three():
    assert sum(len(answers().statements(p)) for p in answers().pages()) == 21
    everything = answers(**{"c" + code.replace(".", "_"): [Y, Y, Y] for code in CODES})
    assert sum(len(everything.statements(p)) for p in everything.pages()) == 63
