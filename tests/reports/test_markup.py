"""The prose markup: paragraphs, bullets and subheadings; everything else is text."""

import pytest

from widmonitor.reports.markup import to_html


@pytest.mark.parametrize(
    "text, html",
    [
        ("One.\nStill one.\n\nTwo.", "<p>One. Still one.</p>\n<p>Two.</p>"),
        ("Intro:\n- a\n- b\n\nAfter.", "<p>Intro:</p>\n<ul><li>a</li><li>b</li></ul>\n<p>After.</p>"),
        ("## Title\nText", "<h3>Title</h3>\n<p>Text</p>"),
        ("<b>bold</b> & co", "<p>&lt;b&gt;bold&lt;/b&gt; &amp; co</p>"),
        ("See https://example.org.", '<p>See <a href="https://example.org">https://example.org</a>.</p>'),
        ("", ""),
    ],
)
def test_it_turns_the_tiny_markup_into_safe_html(text, html):
    assert to_html(text) == html
