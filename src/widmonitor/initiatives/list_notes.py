"""The notes of the bundled registry's published lists (``data/registry/*.yaml``, ``lists[].note``), marked for translation.

A note is the registry's English explanation of how a list's bullets, its distinct initiatives and the
counts the report stated compare. ``analysis.list_note`` shows it in the reader's language through
gettext; this module only carries the texts for ``makemessages``. tests/initiatives/test_list_notes.py
checks that it holds every note of the bundled registry, word for word, translated in every interface language.
"""

from django.utils.translation import gettext_noop

NOTES = (
    gettext_noop("9 bullets, 8 distinct initiatives among them, plus the mixed private-public initiative (the DigiSkills Belgium platform) that the report describes in the paragraph after the bullets rather than as a bullet: it is the last entry, marked as not a bullet, so 9 distinct initiatives against the stated 9. The two bullets 'Strategisch plan voor digitale vaardigheden' (bare) and the one with the parenthetical and 2021-2024 are taken as one initiative: only then do the 8 non-mixed initiatives match the stated 1 private + 7 public."),
    gettext_noop("3 bullets, 3 distinct initiatives, stated 3: consistent."),
    gettext_noop("11 bullets, 11 distinct initiatives, stated 11: consistent."),
    gettext_noop("The sentence gives no total and no mixed count, only 4 private and 5 public, which add up to 9. 10 bullets but 9 distinct initiatives: 'Profielen van vrouwelijke wetenschappers onder de aandacht brengen ...' and the separate bullet 'Women Award in Technology and Science (WATS)' are one initiative split in two (the lists 5.3.4, 5.4.2 and 5.5.2 give both phrases in one bullet), so 9 distinct initiatives, as many as the stated private and public counts add up to."),
    gettext_noop("The sentence gives no total and no mixed count, only 2 private and 6 public, which add up to 8. 8 bullets, 8 distinct initiatives."),
    gettext_noop("Only 9 bullets (9 distinct initiatives) against the stated 13 (9 + 3 + 1 = 13 adds up): the report counts 4 initiatives more than it lists, and section 5 does not say which."),
    gettext_noop("As published, the stated total (8) and the breakdown (4 + 3 + 2 = 9) do not add up; both are kept. 10 bullets, 10 distinct initiatives: more than either the stated total or the sum of the breakdown."),
    gettext_noop("12 bullets, 12 distinct initiatives, stated 12: consistent."),
    gettext_noop("The sentence gives only a private count (1): no total, no public and no mixed count. 1 bullet, 1 initiative."),
    gettext_noop("The sentence gives no total and no mixed count, only 5 private and 4 public, which add up to 9. 9 bullets, 9 distinct initiatives."),
    gettext_noop("11 bullets, 11 distinct initiatives, against the stated 10 (5 + 4 + 1 = 10 adds up): the list has one bullet more than the report counts."),
    gettext_noop("The sentence gives no total and no mixed count, only 2 private and 2 public, which add up to 4. 4 bullets, 4 distinct initiatives."),
    gettext_noop("The sentence gives no total and no mixed count, only 7 private and 7 public, which add up to 14. 14 bullets, 14 distinct initiatives."),
    gettext_noop("The sentence gives no total and no mixed count, only 1 private and 1 public, which add up to 2. 2 bullets, 2 distinct initiatives."),
    gettext_noop("11 bullets, 11 distinct initiatives, stated 11: consistent. The signing ('Ondertekening') and the drafting ('Opstelling') of the 'Inclusive Panels' charter are two bullets about the same charter but different activities (probably by different actors), and are kept as two initiatives, as the stated count also suggests. The bullet 'Platform voor het bijeenbrengen van projecten en opleidingen ...' is the DigiSkills Belgium platform (see 5.1)."),
    gettext_noop("15 bullets, 15 distinct initiatives, against the stated 12 (5 + 6 + 1 = 12 adds up): the list has three bullets more than the report counts."),
    gettext_noop("The sentence gives no total and no mixed count, only 3 private and 3 public, which add up to 6. 6 bullets, 6 distinct initiatives."),
    gettext_noop("The sentence gives only a public count (1): no total, no private and no mixed count. 1 bullet, 1 initiative."),
    gettext_noop("11 bullets, 11 distinct initiatives, stated 11: consistent. The third bullet has no 'Doelpubliek:' line but the line 'Voor doelgroepen en werknemers van verenigingen.' in its place; it is recorded as that entry's audience."),
    gettext_noop("The sentence gives no total and no mixed count, only 6 private and 3 public, which add up to 9. 11 bullets, 11 distinct initiatives: two more than the stated private and public counts add up to."),
    gettext_noop("The sentence gives no total and no public count, only 5 private and 1 mixed, which add up to 6. 7 bullets, 7 distinct initiatives: one more than the stated private and mixed counts add up to."),
)
