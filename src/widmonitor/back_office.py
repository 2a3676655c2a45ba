"""The back office: Django's admin site with its login for moderators and administrators only (and it says so),
the moderator's dashboard as its first page, its apps ordered by the working group's tasks; list filters that
take only the values they offer, and history pages that answer 404 for an identifier no record can have."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from widmonitor.dashboard.waiting import dashboard_for
from widmonitor.partners.models import remember_language

# The apps by task: the registry and its moderation first, then the report and the other records, accounts and the
# login throttle's logs last. Within an app, its models in the order given; any other app or model after these.
TASK_ORDER = {
    "initiatives": ("initiative", "publishedlist"),
    "partners": ("proposal", "partnermembership"),
    "reach": ("outcome",),
    "events": ("event", "eventoutcome"),
    "actors": ("organisation",),
    "calls": ("call", "callrole"),
    "mentoring": ("programme", "cycle", "pair", "matchingrun", "profile"),
    "reports": ("edition", "textblock", "meeting", "supporter"),
    "sitepages": ("sitepage",),
    "experts": ("expertprofile", "panelrecord", "topic"),
    "selfcheck": ("initiativecheck", "participation", "sharedcheck"),
    "indicators": ("source", "observation", "observationrevision"),
    "strategy": ("objective", "strategy"),
    "vocabularies": ("term",),
}
LAST = ("auth", "axes")  # accounts, then the login throttle's access attempts and logs


class BackOfficeLoginForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "not_staff": _(
            "Your password is right, but the back office is for the working group's moderators. "
            "Partners will keep their initiatives up to date on the public portal."
        ),
    }

    def confirm_login_allowed(self, user):
        if not user.is_active:
            raise ValidationError(self.error_messages["inactive"], code="inactive")
        if not user.is_staff:
            raise ValidationError(self.error_messages["not_staff"], code="not_staff")


class ReadOnlyAdmin(admin.ModelAdmin):
    """A list kept by the platform itself (figures loaded, e-mails sent): shown in the back office, never edited there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OfferedChoicesFilter(admin.SimpleListFilter):
    """A list filter that takes only the values it offers: another is refused as the list's bad filter
    (``IncorrectLookupParameters``, answered 400 by ``request_guards``), never passed to a query."""

    def value(self):
        value = super().value()
        if value is not None and value not in {str(offered) for offered, _label in self.lookup_choices}:
            raise IncorrectLookupParameters(f"{self.parameter_name}={value!r} is not offered")
        return value


class HistoryAdmin(SimpleHistoryAdmin):
    """simple_history's pages, answering 404 for a record or version identifier its key cannot hold (not a
    number, a NUL...) as they do for one that does not exist; simple_history would query with it and fail."""

    def history_view(self, request, object_id, extra_context=None):
        self.check_key(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.check_version_keys(object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def check_version_keys(self, object_id, version_id):
        self.check_key(self.model, object_id)
        self.check_key(getattr(self.model, self.model._meta.simple_history_manager_attribute).model, version_id)

    @staticmethod
    def check_key(model, value):
        try:
            model._meta.pk.to_python(unquote(value))
        except ValidationError as error:
            raise Http404(_("No record has the identifier %(value)s.") % {"value": value}) from error


def app_rank(app_label):
    """Where an app comes in the back office's index: the tasks first, ``LAST`` last, any other between them."""
    if app_label in TASK_ORDER:
        return (0, list(TASK_ORDER).index(app_label))
    if app_label in LAST:
        return (2, LAST.index(app_label))
    return (1, 0)


def by_task(app_list):
    """``app_list`` (``AdminSite.get_app_list``'s) ordered by task; within an app, its models too (stable otherwise)."""
    ordered = sorted(app_list, key=lambda app: app_rank(app["app_label"]))
    for app in ordered:
        order = TASK_ORDER.get(app["app_label"], ())
        app["models"].sort(key=lambda model: order.index(model["object_name"].lower()) if model["object_name"].lower() in order else len(order))
    return ordered


class BackOfficeSite(admin.AdminSite):
    """The site the back office runs on (``apps.BackOfficeAdminConfig``): its first page is the moderator's dashboard."""

    login_form = BackOfficeLoginForm
    index_template = "dashboard/index.html"

    def index(self, request, extra_context=None):
        remember_language(request.user, request.LANGUAGE_CODE)  # her daily e-mail of what waits follows the pages she reads
        return super().index(request, {"dashboard": dashboard_for(request.user), **(extra_context or {})})

    def get_app_list(self, request, app_label=None):
        return by_task(super().get_app_list(request, app_label))
