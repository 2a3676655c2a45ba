import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = io.StringIO()
    call_command("check_job_ad", *args, stdout=out)
    return out.getvalue()


def test_it_checks_a_file_and_prints_json(tmp_path):
    path = tmp_path / "ad.txt"
    path.write_text("Verkoper\nWij zoeken een ambitieuze collega voor ons team.", encoding="utf-8")
    data = json.loads(run(str(path), "--format", "json"))
    assert (data["language"], data["verdict"], data["gender_marker"]) == ("nl", "masculine", False)
    assert [title["word"] for title in data["masculine_only_titles"]] == ["Verkoper"]


def test_its_json_gives_every_match_the_kind_of_its_source_and_a_note(tmp_path):
    path = tmp_path / "ad.txt"
    path.write_text("Verkoper\nWij zoeken een ambitieuze en zorgzame collega voor ons team.", encoding="utf-8")
    data = json.loads(run(str(path), "--format", "json"))
    matches = data["masculine_coded"] + data["feminine_coded"] + data["masculine_only_titles"]
    assert [(match["word"], match["source"]["kind"], match["note"]) for match in matches] == [
        ("ambitieuze", "research", "as the source gives it"),
        ("zorgzame", "translation", "widmonitor's translation of GFK stem 'nurtur'"),
        ("Verkoper", "guidance", "pair form as the Taalunie advises"),
    ]


def test_it_reads_standard_input_and_prints_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Engineer (m/f/x)\nAn ambitious person."))
    output = run("-", "--language", "en")
    assert "Verdict: masculine-coded (1 masculine-coded, 0 feminine-coded words)" in output
    assert "masculine-coded 20-29 ambitious [ambitio*] -> motivated" in output
    assert "    research list: Gaucher, Friesen & Kay (2011), via gender-decoder; as the source gives it" in output


@pytest.mark.parametrize(
    "text, language, message",
    [
        ("", "auto", "The text is empty: paste the text of a vacancy."),
        ("Engineer", "de", '"de" is not a language the checker supports (expected auto, nl, fr or en).'),
    ],
)
def test_it_refuses_with_one_sentence(monkeypatch, text, language, message):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run("-", "--language", language)


def test_a_missing_file_is_named():
    with pytest.raises(CommandError, match="no-such-file.txt: no such file"):
        run("no-such-file.txt")
