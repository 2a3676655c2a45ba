"""The home page's paths: who a visitor is, and the search that opens for her."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Path:
    title: str
    text: str
    audiences: tuple  # audience codes of config/vocabularies.yaml; any of them matches

    @property
    def params(self):
        return "&".join(f"audience={code}" for code in self.audiences)


PATHS = (
    Path(
        _("Girls and parents"),
        _("Coding clubs, science days and role models for children and teenagers."),
        ("girls", "children", "young-people", "age-6-12", "age-12-18", "parents"),
    ),
    Path(
        _("Women and job seekers"),
        _("Training towards a digital job, career changes, mentoring and networks."),
        ("women", "job-seekers", "women-foreign-origin", "vulnerable-groups"),
    ),
    Path(
        _("Teachers and schools"),
        _("Material, calls for projects and activities to bring digital skills into the classroom."),
        ("teachers", "schools", "students"),
    ),
    Path(
        _("Employers and HR"),
        _("Charters, inclusive recruitment and ways to keep women in digital jobs."),
        ("companies", "hr-recruiters", "employees", "managers", "organisations"),
    ),
)
