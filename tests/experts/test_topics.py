"""The controlled list of expertise topics: loaded from data/experts/topics.yaml, all or nothing."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from widmonitor.experts.models import Topic


def test_the_bundled_topics_load_with_labels_in_every_content_language(topics):
    assert topics == Topic.objects.count() > 0
    for topic in Topic.objects.all():
        assert set(topic.label) == {"nl", "fr", "en"}, topic.code


def test_loading_again_updates_rather_than_duplicates(topics):
    call_command("load_expert_topics")

    assert Topic.objects.count() == topics


def test_a_bad_file_loads_nothing_and_names_the_place(db, tmp_path):
    bad = tmp_path / "topics.yaml"
    bad.write_text("original_language: en\ntopics:\n  - {code: ai, label: {en: AI}}\n  - {label: {en: no code}}\n", encoding="utf-8")

    with pytest.raises(CommandError, match=r"topics\[2\]"):
        call_command("load_expert_topics", str(bad))
    assert not Topic.objects.exists()
