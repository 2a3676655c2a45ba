"""The participant's side of what is stored: the statistics opt-in, an initiative's start-or-end link, and the public statistics."""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from widmonitor.opendata import datasets
from widmonitor.opendata.schema_org import dataset_json_ld

from . import answers as walking
from . import once
from .forms import CodeForm, PairingConsentForm, StatisticsForm
from .framework import framework
from .limits import store_refused
from .models import InitiativeCheck, PairingRefused, SharedCheck
from .scoring import score
from .statistics import statistics, tables
from .statistics_files import as_csv, as_json
from .taking import BEFORE, Taking
from .views import page_context, result_page


def incomplete(request):
    refused = _("The answers are not complete: answer every page of the self-check first.")
    return render(request, "selfcheck/intro.html", {"framework": framework(), "refused": refused}, status=400)


def not_stored(request, text, status=400):
    return render(request, "selfcheck/not_stored.html", {"refused": text}, status=status)


def stored_once(request, store):
    """Call ``store()`` once for this result page, within the address's limit; the page saying why not, or None.

    The page's key is spent in the same transaction as ``store`` stores: a store refused
    (``PairingRefused``) leaves the key unspent.
    """
    limited = store_refused(request)
    if limited:
        return not_stored(request, limited, status=429)
    try:
        with transaction.atomic():
            once.spend(request.POST.get("once"))
            store()
    except once.KeyRefused as refusal:
        return not_stored(request, refusal.text)
    return None


@require_POST
def share(request):
    """Store a finished self-check for the statistics, with her explicit consent: levels, age band, gender, region, month."""
    answers = walking.Answers.from_form(framework(), request.POST)
    if not answers.complete:
        return incomplete(request)
    form = StatisticsForm(request.POST)
    if not form.is_valid():
        return result_page(request, answers, status=400, statistics_form=form)
    data = form.cleaned_data
    levels = score(answers).levels()  # from her answers, never from a level the form might carry

    def store():
        SharedCheck.objects.create(levels=levels, age_band=data["age_band"], gender=data["gender"], region=data["region"])

    return stored_once(request, store) or render(request, "selfcheck/shared.html")


def take(request, token):
    """An initiative's link: start the self-check at the start, or give the code to take it at the end."""
    check = get_object_or_404(InitiativeCheck.objects.select_related("initiative"), token=token)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participation = check.waiting(form.cleaned_data["code"])
        except PairingRefused as refusal:
            form.add_error("code", refusal.text)
        else:
            answers = walking.Answers(framework(), {})
            context = page_context(answers, walking.Step(answers.first_open()))
            context["carried"] = [("for", check.token), ("moment", "after"), ("code", participation.code)]
            return render(request, "selfcheck/page.html", context)
    return render(request, "selfcheck/take.html", {"check": check, "form": form}, status=400 if form.errors else 200)


@require_POST
def keep_for_initiative(request, token):
    """Store her levels for the initiative's before-and-after figures: at the start under a new code, at the end beside it."""
    check = get_object_or_404(InitiativeCheck.objects.select_related("initiative"), token=token)
    answers = walking.Answers.from_form(framework(), request.POST)
    taking = Taking.from_form(request.POST)
    if taking is None or taking.check != check:
        refused = _("This self-check was not started from this initiative's link. Open the link again and start from there.")
        return render(request, "selfcheck/take.html", {"check": check, "form": CodeForm(), "refused": refused}, status=400)
    if not answers.complete:
        return incomplete(request)
    form = PairingConsentForm(request.POST)
    if not form.is_valid():
        return result_page(request, answers, status=400, pairing_form=form)
    levels, kept = score(answers).levels(), {}

    def store():
        if taking.moment == BEFORE:
            kept["code"] = check.start(levels)
        else:
            check.finish(taking.code, levels)
            kept["code"] = ""

    try:
        refused = stored_once(request, store)
    except PairingRefused as refusal:
        return result_page(request, answers, status=400, refused=refusal.text)
    return refused or render(request, "selfcheck/kept.html", {"check": check, "code": kept["code"]})


def statistics_page(request):
    stats = statistics()
    json_ld = dataset_json_ld(datasets.self_check_statistics(), request)
    context = {"statistics": stats, "areas": framework().areas, "json_ld": json_ld, **tables(stats)}
    return render(request, "selfcheck/statistics.html", context)


def statistics_download(request, fmt):
    """The statistics as open data: ``statistics.csv`` or ``statistics.json``."""
    writers = {"csv": (as_csv, "text/csv; charset=utf-8"), "json": (as_json, "application/json")}
    if fmt not in writers:
        raise Http404(_("The statistics are published as statistics.csv and statistics.json."))
    write, media_type = writers[fmt]
    response = HttpResponse(write(statistics()), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="self-check-statistics.{fmt}"'
    return response
