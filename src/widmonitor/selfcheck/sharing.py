"""What the result page offers to store, and what travels with the answers when she takes the check for an initiative."""

from django.shortcuts import render

from . import once
from .forms import CodeForm, PairingConsentForm, StatisticsForm
from .framework import framework
from .taking import Taking


def carried(data):
    """``{"carried": [(name, value)]}``: the hidden fields of the initiative check she takes, if any (POST ``data``)."""
    taking = Taking.from_form(data)
    return {"carried": taking.fields() if taking else []}


def sharing_context(request, statistics_form=None, pairing_form=None, refused=""):
    """The result page's forms to store the self-check: for the statistics, and for her initiative's check if she takes one."""
    taking = Taking.from_form(request.POST)
    return {
        "taking": taking,
        "carried": taking.fields() if taking else [],
        "statistics_form": statistics_form or StatisticsForm(),
        "pairing_form": pairing_form or PairingConsentForm(),
        "pairing_refused": refused,
        "once": once.issue(),  # the key that stores this result page once
    }


def introduction(request):
    """Back before the first page: the initiative's link page when she took the check from it, else the introduction."""
    taking = Taking.from_form(request.POST)
    if taking:
        return render(request, "selfcheck/take.html", {"check": taking.check, "form": CodeForm()})
    return render(request, "selfcheck/intro.html", {"framework": framework()})
