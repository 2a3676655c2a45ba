"""Back office: the working group's meetings, the prose of each edition (with history), the editions."""

from django.contrib import admin, messages
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from widmonitor.back_office import HistoryAdmin
from widmonitor.languages import content_codes, interface_codes

from . import editions
from .build import UnknownYear, report_years
from .models import Edition, Meeting, Supporter, TextBlock
from .views import attachment


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["date", "kind", "participants"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    filter_horizontal = ["organisations"]
    fields = ["date", "kind", "original_language", "title", "participants", "organisations", "notes"]


@admin.register(Supporter)
class SupporterAdmin(HistoryAdmin):
    list_display = ["organisation", "since", "until", "source"]
    list_filter = ["since", "until"]
    list_select_related = ["organisation"]

    def get_search_fields(self, request):
        return ("organisation__slug", *(f"organisation__name__{code}" for code in content_codes()))


@admin.register(TextBlock)
class TextBlockAdmin(HistoryAdmin):
    list_display = ["year", "section", "language", "is_translation", "updated_at"]
    list_filter = ["year", "section", "language", "is_translation"]
    search_fields = ["text"]


def files_being_made(count):
    return ngettext(
        "Its files (HTML, PDF and annexes in each language) are being made, which takes a few minutes; a download "
        "asked for before its file is ready makes it.",
        "Their files (HTML, PDF and annexes in each language) are being made, which takes a few minutes; a download "
        "asked for before its file is ready makes it.",
        count,
    )


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "published_at", "published_by"]
    fields = ["year", "published_at", "published_by", "downloads"]
    readonly_fields = ["published_at", "published_by", "downloads"]
    actions = ["publish_again", "withdraw"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "year"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        """Adding an edition publishes its year: the report is built now and frozen."""
        if change:
            return super().save_model(request, obj, form, change)
        if obj.year not in report_years():
            messages.error(request, _("There is no report for %(year)s.") % {"year": obj.year})
            return None
        published = editions.publish(obj.year, request.user)
        obj.pk, obj.published_at, obj.published_by = published.pk, published.published_at, published.published_by
        messages.info(request, files_being_made(1))
        return None

    @admin.action(description=_("Publish again: freeze the data as it is now"))
    def publish_again(self, request, queryset):
        for edition in queryset:
            editions.publish(edition.year, request.user)
        self.message_user(request, ngettext("%(count)d edition published.", "%(count)d editions published.", len(queryset)) % {"count": len(queryset)})
        self.message_user(request, files_being_made(len(queryset)), messages.INFO)

    @admin.action(description=_("Withdraw: unpublish and drop the frozen data"))
    def withdraw(self, request, queryset):
        for edition in queryset:
            editions.unpublish(edition.year)
        self.message_user(request, ngettext("%(count)d edition withdrawn.", "%(count)d editions withdrawn.", len(queryset)) % {"count": len(queryset)})

    @admin.display(description=_("downloads"))
    def downloads(self, obj):
        if obj is None or not obj.pk:
            return "-"
        links = []
        for language in interface_codes():
            for kind in ("html", "pdf", "analysis"):
                links.append((reverse("admin:reports_edition_download", args=[obj.year, language, kind]), f"{kind} ({language})"))
        links.append((reverse("admin:reports_edition_download", args=[obj.year, interface_codes()[0], "overview"]), "overview (xlsx)"))
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def get_urls(self):
        download = self.admin_site.admin_view(self.download_view)
        return [
            path("<int:year>/download/<str:language>/<str:kind>/", download, name="reports_edition_download"),
            *super().get_urls(),
        ]

    def download_view(self, request, year, language, kind):
        """A file of the year's report: the published edition's kept file, else the draft's built now."""
        if not self.has_view_permission(request) or language not in interface_codes() or kind not in editions.CONTENT_TYPES:
            raise Http404
        edition = Edition.objects.published().filter(year=year).first()
        if edition is not None:
            return attachment(year, language, kind, edition=edition)
        try:
            report, draft = editions.report_for(year)
        except UnknownYear:
            raise Http404 from None
        return attachment(year, language, kind, report=report, draft=draft)
