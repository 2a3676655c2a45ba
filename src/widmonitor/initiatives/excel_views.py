"""The Excel round-trip in the back office: download the annexes, upload an edited overview.

Reached from the initiative list; moderators and administrators only (the admin site checks
staff status, these views check the initiative permissions). Uploads are checked whole:
a preview reports every problem, or every change record by record (field, old, new); the
moderator then confirms that very file (tied to its hash by a signed token), or nothing is
written.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import held_uploads
from .xlsx_export import export_analysis, export_overview
from .xlsx_import import import_overview

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 20 * 1024 * 1024
PREVIEW_LIMIT = 500  # records listed in a preview; all are written


class ImportForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("Overview workbook (.xlsx)"),
        help_text=gettext_lazy(
            "The file exported here, edited in Excel or LibreOffice. Up to 20 MB. You will see what it changes "
            "before anything is written."
        ),
    )

    def clean_workbook(self):
        workbook = self.cleaned_data["workbook"]
        if workbook.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is 20 MB. Split it and import each part."),
                code="too_big",
                params={"size": round(workbook.size / 1024 / 1024, 1)},
            )
        return workbook


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


def workbook_response(write, name):
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.xlsx"'
    write(response)
    return response


def export_overview_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    return workbook_response(export_overview, "widmonitor-overview")


def export_analysis_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    return workbook_response(export_analysis, "widmonitor-analysis")


def import_view(model_admin, request):
    """Upload → preview of every change → confirm: writes exactly the previewed file, or nothing."""
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    context = {"form": ImportForm(), "report": None, "confirm": None}
    if request.method == "POST" and "token" in request.POST:
        context["report"] = write_previewed(request)
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            context["report"], context["confirm"] = preview(request, form.cleaned_data["workbook"])
        else:
            context["form"] = form
    changes = context["report"].changes if context["report"] else []
    context.update(shown_changes=changes[:PREVIEW_LIMIT], more_changes=max(len(changes) - PREVIEW_LIMIT, 0))
    context.update(model_admin.admin_site.each_context(request), opts=model_admin.model._meta)
    context["title"] = _("Excel import and export")
    return TemplateResponse(request, "admin/initiatives/initiative/excel.html", context)


def preview(request, upload):
    """Check the upload and list what it would change; a form to confirm it if there is anything to write."""
    held = held_uploads.hold(upload)
    report = import_overview(held.path, dry_run=True, user=request.user)
    report.errors = [str(error) for error in report.errors]  # in the language of this request
    if report.errors or not report.changes:
        held.release()
        return report, None
    return report, ConfirmForm(initial={"token": held.token(request.user)})


def write_previewed(request):
    form = ConfirmForm(request.POST)
    try:
        held = held_uploads.redeem(form.data.get("token", ""), request.user)
    except held_uploads.Expired:
        messages.error(request, _("This preview has expired or its file changed: upload the file again to see what it changes."))
        return None
    report = import_overview(held.path, user=request.user)
    report.errors = [str(error) for error in report.errors]
    held.release()
    return report
