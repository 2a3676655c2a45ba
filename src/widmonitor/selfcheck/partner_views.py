"""A partner's before-and-after check of one of her organisations' initiatives: its link and QR code, the figures, the consent."""

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from widmonitor.partners.access import partner_required
from widmonitor.partners.models import initiatives_of

from .models import InitiativeCheck


def link_of(request, check):
    return request.build_absolute_uri(reverse("selfcheck:take", args=[check.token]))


@partner_required
def initiative_check(request, uid):
    initiative = get_object_or_404(initiatives_of(request.user), uid=uid)
    check = InitiativeCheck.objects.filter(initiative=initiative).first()
    context = {"initiative": initiative, "check": check}
    if check:
        link = link_of(request, check)
        context.update(link=link, qr=segno.make(link, error="m").svg_inline(scale=5, title=_("QR code of the link"), svgclass="selfcheck-qr"), change=check.change())
    return render(request, "selfcheck/partner_check.html", context)


@partner_required
@require_POST
def open_check(request, uid):
    initiative = get_object_or_404(initiatives_of(request.user), uid=uid)
    InitiativeCheck.objects.get_or_create(initiative=initiative, defaults={"opened_by": request.user})
    return redirect("selfcheck:partner", uid=uid)


@partner_required
@require_POST
def consent(request, uid):
    check = get_object_or_404(InitiativeCheck, initiative__in=initiatives_of(request.user), initiative__uid=uid)
    check.public = request.POST.get("public") == "yes"
    check.save(update_fields=["public"])
    if check.public:
        messages.success(request, _("The change is shown on the initiative's public page and in the annual report, once there are enough answers."))
    else:
        messages.success(request, _("The change is no longer shown publicly."))
    return redirect("selfcheck:partner", uid=uid)


@partner_required
def qr_code(request, uid):
    check = get_object_or_404(InitiativeCheck, initiative__in=initiatives_of(request.user), initiative__uid=uid)
    out = segno.make(link_of(request, check), error="m")
    response = HttpResponse(content_type="image/svg+xml")
    out.save(response, kind="svg", scale=10)
    response["Content-Disposition"] = f'attachment; filename="self-check-{uid}.svg"'
    return response
