"""What partners type reaches the pages escaped, in the HTML and in the JSON-LD alike."""

import json
import re

from .conftest import event_of

NASTY = '</script><script>alert("x")</script> & <b>bold</b>'


def test_a_title_with_markup_is_escaped_in_the_page_and_in_the_json_ld(client, records, vocabularies):
    event = event_of(records[0], title={"en": NASTY}, description={"en": NASTY}, address='"><img src=x onerror=alert(1)>')
    page = client.get(event.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "<b>bold</b>" not in page and "<img src=x" not in page
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "</script" not in block.lower() and "<" not in block
    data = json.loads(block)
    assert data["@type"] == "Event" and data["name"] == NASTY
    assert data["startDate"] == "2027-03-28T10:00:00+02:00"
    assert data["location"]["address"]["streetAddress"] == '"><img src=x onerror=alert(1)>'


def test_markup_is_escaped_in_the_calendar_and_the_map_query(client, records, vocabularies):
    event_of(records[0], title={"en": NASTY})
    page = client.get('/en/events/?month=2027-03&province="><script>alert(1)</script>').content.decode()
    assert "<script>alert(1)</script>" not in page and '<script>alert("x")</script>' not in page
    page = client.get('/en/events/map/?cost="><svg onload=alert(1)>').content.decode()
    assert "<svg onload" not in page
