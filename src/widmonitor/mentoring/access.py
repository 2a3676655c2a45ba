"""Who may manage a programme: its matchers (a role per programme, granted in the back office), moderators and administrators."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from widmonitor.partners.models import remember_language

from .models import Cycle, Matcher, Programme


def oversees_all(user):
    return user.is_superuser or user.groups.filter(name="moderators").exists()


def may_manage(user, programme):
    return oversees_all(user) or Matcher.objects.filter(user=user, programme=programme).exists()


def programmes_of(user):
    return Programme.objects.all() if oversees_all(user) else Matcher.objects.programmes_of(user)


def matcher_required(model):
    """The view gets the ``Programme`` or ``Cycle`` named by ``pk``, once the visitor may manage its programme."""

    def decorator(view):
        @login_required(login_url="partners:login")
        @wraps(view)
        def wrapped(request, pk, *args, **kwargs):
            record = get_object_or_404(model.objects.select_related("programme") if model is Cycle else model, pk=pk)
            if not may_manage(request.user, record if model is Programme else record.programme):
                raise PermissionDenied
            remember_language(request.user, request.LANGUAGE_CODE)
            return view(request, record, *args, **kwargs)

        return wrapped

    return decorator
