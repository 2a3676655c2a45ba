"""Who may use the partner pages: partners, and moderators and administrators looking over their shoulder."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .models import remember_language


def may_use_partner_pages(user):
    return user.is_superuser or user.groups.filter(name__in=["partners", "moderators"]).exists()


def partner_required(view):
    @login_required(login_url="partners:login")
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not may_use_partner_pages(request.user):
            raise PermissionDenied
        remember_language(request.user, request.LANGUAGE_CODE)  # her e-mails follow the pages she reads
        return view(request, *args, **kwargs)

    return wrapped
