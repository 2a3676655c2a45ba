"""``POST /api/job-ads/check``: the job-ad checker in the API (registered in ``widmonitor.api.api``).

The text is checked and forgotten: nothing is stored or logged. Suggestions come in the
interface language of the request (``Accept-Language``: nl, fr or en).
"""

from typing import Literal

from django.views.decorators.debug import sensitive_variables
from ninja import Field, Router, Schema, Status

from .checker import MAX_LENGTH, JobAdRefused, check
from .throttle import CHECKS_PER_MINUTE, over_the_limit

router = Router(tags=["job ads"])


class JobAdIn(Schema):
    text: str
    language: Literal["auto", "nl", "fr", "en"] = "auto"


class SourceOut(Schema):
    kind: Literal["research", "guidance", "translation"] = Field(
        description="research: as a research list gives it; guidance: as public guidance gives it; "
        "translation: widmonitor's translation of a word of the source named (not tested by research in this language)"
    )
    key: str = Field(description='the source\'s key in the word list file, e.g. "gfk"')
    name: str
    title: str
    url: str


class CodedWordOut(Schema):
    word: str
    start: int
    end: int
    entry: str
    source: SourceOut
    note: str = Field(description="how the entry was made, e.g. \"widmonitor's translation of GFK stem 'ambitio'\"")
    alternative: str


class MasculineTitleOut(Schema):
    word: str
    start: int
    end: int
    entry: str
    source: SourceOut
    note: str
    inclusive: str


class JobAdCheckOut(Schema):
    language: str
    language_detected: bool
    language_confidence: float | None
    verdict: Literal["strongly-masculine", "masculine", "neutral", "feminine", "strongly-feminine"]
    masculine_coded: list[CodedWordOut]
    feminine_coded: list[CodedWordOut]
    gender_marker: bool
    gender_marker_text: str
    masculine_only_titles: list[MasculineTitleOut]
    suggestions: list[str]


class Refusal(Schema):
    code: str
    detail: str


@router.post(
    "/check",
    response={200: JobAdCheckOut, 422: Refusal, 429: Refusal},
    summary="Check the wording of a vacancy",
    description=(
        "Gender-coded words (masculine and feminine, each with its position in code points, the list entry "
        "that matched, its source with the kind of that source (research list, public guidance or widmonitor's "
        "translation) and a note, and a neutral alternative where one exists), the verdict from their balance, the gender "
        "marker of the title and job titles given only in the masculine. `language` is auto, nl, fr or en; "
        f"texts of at most {MAX_LENGTH} characters, {CHECKS_PER_MINUTE} checks a minute per address. "
        "An empty text or an unsupported language is refused (422) with a code and a sentence."
    ),
)
@sensitive_variables()
def check_job_ad(request, payload: JobAdIn):
    if over_the_limit(request):
        return Status(429, {"code": "too_many_checks", "detail": f"At most {CHECKS_PER_MINUTE} checks a minute; please wait."})
    try:
        return Status(200, check(payload.text, payload.language).as_dict())
    except JobAdRefused as refusal:
        return Status(422, {"code": refusal.code, "detail": refusal.text})
