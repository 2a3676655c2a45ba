"""A person's answers, and the adaptive walk through the pages they open.

An answer is "yes" (I can) or "not-yet" for one competence at one level. The rules:

1. **Adaptive.** A competence's statement at a level is asked only when she answered "yes" at
   every lower level; once she answers "not yet", its higher statements are skipped.
2. **Normal form.** An answer whose lower levels are not all "yes" is dropped (she went back and
   changed a lower answer), so the answers never contradict the walk.
3. **Pages.** One page per area and level, in the framework's order (area 1 foundation,
   intermediate, advanced, then area 2 ...); a page without a statement to ask is left out.
4. **Complete** when every competence ends in a "not yet" or a "yes" at the highest level.

Answers travel in the form (hidden fields), never in the session or the database.
"""

from dataclasses import dataclass

from .framework import LEVELS

YES, NOT_YET = "yes", "not-yet"
VALUES = (YES, NOT_YET)


def field_name(code, level):
    return f"c{code}-{level}"


@dataclass(frozen=True)
class Page:
    area: object  # framework.Area
    level: int  # index in LEVELS

    @property
    def key(self):
        return f"{self.area.code}-{LEVELS[self.level]}"


class Answers:
    """``{(competence code, level index): "yes" | "not-yet"}`` in normal form, for one framework."""

    def __init__(self, framework, given):
        self.framework = framework
        self.given = {}
        for competence in framework.competences:
            for index in range(len(LEVELS)):
                value = given.get((competence.code, index))
                if value not in VALUES:
                    break
                self.given[(competence.code, index)] = value
                if value == NOT_YET:
                    break

    @classmethod
    def from_form(cls, framework, data):
        """From POST ``data`` fields named ``c<code>-<level>``; other fields and values are ignored."""
        given = {}
        for competence in framework.competences:
            for index, level in enumerate(LEVELS):
                given[(competence.code, index)] = data.get(field_name(competence.code, level))
        return cls(framework, given)

    def reached(self, code):
        """How many levels of the competence she answered "yes" to, from the lowest: 0 to 3."""
        count = 0
        while self.given.get((code, count)) == YES:
            count += 1
        return count

    def asks(self, code, level):
        """Whether the walk asks the competence's statement at ``level``."""
        return self.reached(code) >= level

    def finished(self, code):
        return self.reached(code) == len(LEVELS) or (code, self.reached(code)) in self.given

    @property
    def complete(self):
        return all(self.finished(c.code) for c in self.framework.competences)

    def statements(self, page):
        """The competences the page asks about."""
        return [c for c in page.area.competences if self.asks(c.code, page.level)]

    def unanswered(self, page):
        return [c for c in self.statements(page) if (c.code, page.level) not in self.given]

    def pages(self):
        """The pages the walk opens with these answers, in order."""
        return [Page(area, level) for area in self.framework.areas for level in range(len(LEVELS)) if self.statements(Page(area, level))]

    def page(self, key):
        """The open page of ``key`` ("2-intermediate"), or None."""
        return next((p for p in self.pages() if p.key == key), None)

    def after(self, page):
        """The next open page after ``page``, or None after the last."""
        return next((p for p in self.pages() if self._order(p) > self._order(page)), None)

    def before(self, page):
        """The open page before ``page``, or None before the first."""
        earlier = [p for p in self.pages() if self._order(p) < self._order(page)]
        return earlier[-1] if earlier else None

    def first_open(self):
        """The first page with a statement not answered yet (None when complete)."""
        return next((p for p in self.pages() if self.unanswered(p)), None)

    def fields(self, leave_out=None):
        """``[(field name, value)]`` of the answers, for hidden inputs; leaving out those of page ``leave_out``."""
        return [
            (field_name(code, LEVELS[level]), value)
            for (code, level), value in self.given.items()
            if not (leave_out and level == leave_out.level and code in {c.code for c in leave_out.area.competences})
        ]

    def as_lists(self):
        """``{code: ["yes", "not-yet"]}``: the answers per competence, lowest level first."""
        return {c.code: [self.given[(c.code, i)] for i in range(len(LEVELS)) if (c.code, i) in self.given] for c in self.framework.competences}

    def _order(self, page):
        return (self.framework.areas.index(page.area), page.level)


@dataclass(frozen=True)
class Step:
    """Where a press of "start", "next" or "back" leads: a page, the result, or the introduction."""

    page: Page = None
    missing: tuple = ()  # competences of ``page`` she left unanswered when pressing "next"
    result: bool = False  # the answers are complete: show the result


def walk(answers, go, key):
    """The Step after pressing ``go`` on the page of ``key`` ("" on the introduction, "result" on the result)."""
    current = answers.page(key)
    if go == "back":
        if key == "result":
            return Step(answers.pages()[-1])
        return Step(answers.before(current) if current else None)
    if go == "next" and current:
        missing = tuple(answers.unanswered(current))
        if missing:
            return Step(current, missing)
        following = answers.after(current)
        if following:
            return Step(following)
    if answers.complete:
        return Step(result=True)
    return Step(answers.first_open())
