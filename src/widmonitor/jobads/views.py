"""The job-ad checker page: a form that posts the text and shows the result beside it, without JavaScript."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from widmonitor.languages import language_name

from .checker import JobAdRefused, check
from .forms import JobAdForm
from .highlight import legend, segments
from .throttle import CHECKS_PER_MINUTE, over_the_limit


@sensitive_variables()
@sensitive_post_parameters("text")
def checker(request):
    form = JobAdForm(request.POST or None)
    context, status = {"form": form}, 200
    if request.method == "POST":
        if over_the_limit(request):
            context["refused"] = _("You have checked %(limit)s texts in the last minute, the most we accept. Please wait a minute.") % {
                "limit": CHECKS_PER_MINUTE
            }
            status = 429
        elif form.is_valid():
            text = form.cleaned_data["text"]
            try:
                result = check(text, form.cleaned_data["language"])
            except JobAdRefused as refusal:
                form.add_error("text", refusal.text)
                status = 400
            else:
                context.update(result=result, segments=segments(text, result), legend=legend(), language_name=language_name(result.language))
        else:
            status = 400
    return render(request, "jobads/checker.html", context, status=status)

