"""The self-check: an introduction, one page per area and level, the result, its JSON file. Nothing is stored here
(what she agrees to store: sharing_views.py)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from widmonitor.languages import active_language

from . import answers as walking
from . import fitting
from .framework import LEVELS, framework
from .pdf import result_pdf
from .saved_file import SavedFileRefused, dump, load
from .scoring import score
from .sharing import carried, introduction, sharing_context


def self_check(request):
    if request.method != "POST":
        return render(request, "selfcheck/intro.html", {"framework": framework()})
    answers = walking.Answers.from_form(framework(), request.POST)
    step = walking.walk(answers, request.POST.get("go", ""), request.POST.get("page", ""))
    if step.result:
        return result_page(request, answers)
    if step.page is None:
        return introduction(request)
    return render(request, "selfcheck/page.html", page_context(answers, step) | carried(request.POST), status=400 if step.missing else 200)


def page_context(answers, step):
    page = step.page
    areas = answers.framework.areas
    level = LEVELS[page.level]
    asked = [
        (c, c.statement(level), walking.field_name(c.code, level), answers.given.get((c.code, page.level)), c in step.missing)
        for c in answers.statements(page)
    ]
    return {
        "page": page,
        "areas": areas,
        "number": areas.index(page.area) + 1,
        "level": level,
        "asked": asked,
        "missing": step.missing,
        "hidden": answers.fields(leave_out=page),
        "first": answers.before(page) is None,
    }


WISH_FIELDS = ("fit", "age", "region", "language", "format", "free")  # her choices of initiatives, carried to the PDF


def fitting_for(request, result):
    """``(initiatives that fit, her wishes, what is offered)`` for ``result`` and her choices posted."""
    offered, language = fitting.choices(), active_language()
    wishes = fitting.Wishes.from_form(request.POST, offered, language)
    return fitting.initiatives_that_fit(result, wishes, language), wishes, offered


def result_page(request, answers, status=200, **sharing):
    result = score(answers)
    fits, wishes, offered = fitting_for(request, result)
    context = {
        "result": result,
        "fitting": fits,
        "wishes": wishes,
        "offered": offered,
        "wish_fields": [(name, request.POST[name]) for name in WISH_FIELDS if name in request.POST],
        "hidden": answers.fields(),
        "source": answers.framework.source,
    }
    context.update(sharing_context(request, **sharing))  # the forms to store it, only with her consent
    return render(request, "selfcheck/result.html", context, status=status)


@require_POST
def download(request):
    answers = walking.Answers.from_form(framework(), request.POST)
    if not answers.complete:
        return render(request, "selfcheck/intro.html", {"framework": framework(), "refused": _("The answers are not complete: answer every page of the self-check before downloading them.")}, status=400)
    response = HttpResponse(dump(answers), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="self-check.json"'
    return response


@require_POST
def download_pdf(request):
    answers = walking.Answers.from_form(framework(), request.POST)
    if not answers.complete:
        return render(request, "selfcheck/intro.html", {"framework": framework(), "refused": _("The answers are not complete: answer every page of the self-check before downloading them.")}, status=400)
    result = score(answers)
    fits, _wishes, _offered = fitting_for(request, result)  # the initiatives the page shows for her choices
    addresses = [request.build_absolute_uri(reverse("portal:initiative", args=[match.initiative.uid])) for match in fits.matches]
    response = HttpResponse(result_pdf(result, active_language(), list(zip(fits.matches, addresses))), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="self-check.pdf"'
    return response


@require_POST
def load_saved(request):
    upload = request.FILES.get("saved")
    try:
        if upload is None:
            raise SavedFileRefused(_("Choose the JSON file you saved from the self-check."))
        answers = load(framework(), upload)
    except SavedFileRefused as refusal:
        return render(request, "selfcheck/intro.html", {"framework": framework(), "refused": refusal.text}, status=400)
    if answers.complete:
        return result_page(request, answers)
    return render(request, "selfcheck/page.html", page_context(answers, walking.Step(answers.first_open())))

