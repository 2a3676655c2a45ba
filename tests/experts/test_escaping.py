"""Script in every text field an expert writes comes back escaped on every page that shows it."""

import pytest
from django.test import Client
from django.urls import reverse

from widmonitor.experts.models import ExpertProfile

PAYLOAD = '<script>alert("x")</script><b onmouseover="alert(1)">'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onmouseover=&quot;alert(1)&quot;&gt;"
TEXT_FIELDS = ("name", "title", "organisation_name", "bio")


@pytest.fixture
def scripted(expert, expert_client):
    data = {name: PAYLOAD for name in TEXT_FIELDS}
    data |= {"bio_language": "en", "links": 'https://example.org/"><script>alert(2)</script>', "willing_to_speak": "on"}
    data["topics"] = [topic.pk for topic in expert.topics.all()]
    data["languages"] = [term.pk for term in expert.languages.all()]
    response = expert_client.post(reverse("experts:me"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ExpertProfile.objects.get(pk=expert.pk)


def pages(expert):
    anonymous, own = Client(), Client()
    own.force_login(expert.user)
    panel = {"women": 0, "men": 3, "non_binary": 0, "not_stated": 0, "topics": ["cybersecurity"], "language": "en"}
    return {
        "directory": anonymous.get(reverse("experts:directory")),
        "profile": anonymous.get(reverse("experts:profile", args=[expert.pk])),
        "panel check": anonymous.get(reverse("panels:check"), panel),
        "own page": own.get(reverse("experts:me")),
    }


def test_every_text_field_comes_back_escaped_on_every_page(scripted):
    for where, response in pages(scripted).items():
        page = response.content.decode()
        assert response.status_code == 200, where
        assert "<script>alert" not in page, where
        assert ESCAPED in page, where


def test_every_text_field_is_stored_as_written(scripted):
    assert all(getattr(scripted, name) == PAYLOAD for name in TEXT_FIELDS)


def test_a_link_with_markup_is_escaped_inside_its_attribute(scripted):
    page = pages(scripted)["profile"].content.decode()

    assert 'href="https://example.org/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in page
