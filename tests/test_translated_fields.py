"""The form fields of translated texts and of a record's original language are labelled in each request's language."""

import pytest
from django.utils import translation

from widmonitor.initiatives.models import Initiative


@pytest.mark.parametrize(("language", "title", "original"), [("nl", "Titel", "Oorspronkelijke taal"), ("fr", "Titre", "Langue d'origine"),
                                                             ("en", "Title", "Original language")])  # fmt: skip
def test_a_form_built_once_labels_its_fields_in_the_language_it_is_shown_in(language, title, original):
    with translation.override("en"):  # the form field is made while another language is active, as at start-up
        title_field = Initiative._meta.get_field("title").formfield()
        original_field = Initiative._meta.get_field("original_language").formfield()

    with translation.override(language):
        assert (str(title_field.label), str(original_field.label)) == (title, original)
