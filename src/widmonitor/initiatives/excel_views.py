"""The Excel round-trip in the back office: download the annexes, upload an edited overview.

Reached from the initiative list; moderators and administrators only (the admin site checks
staff status, these views check the initiative permissions). Uploads are checked whole:
a preview reports every problem or what would change, and nothing is written until the
moderator confirms with the same file.
"""

import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .xlsx_export import export_analysis, export_overview
from .xlsx_import import import_overview

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 20 * 1024 * 1024


class ImportForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("Overview workbook (.xlsx)"),
        help_text=gettext_lazy("The file exported here, edited in Excel or LibreOffice. Up to 20 MB."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Write the changes"),
        required=False,
        help_text=gettext_lazy("Leave unticked to check the file and see what would change first."),
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
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            with path.open("wb") as target:
                for chunk in upload.chunks():
                    target.write(chunk)
            dry_run = not form.cleaned_data["confirm"]
            report = import_overview(path, dry_run=dry_run, user=request.user)
            report.errors = [str(error) for error in report.errors]  # in the language of this request
        form = ImportForm()  # a new upload starts as a preview again
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Excel import and export"),
        "form": form,
        "report": report,
    }
    return TemplateResponse(request, "admin/initiatives/initiative/excel.html", context)
