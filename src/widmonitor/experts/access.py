"""Who may use an expert's own pages: the expert whose profile it is, and no one else."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .models import ExpertProfile


def own_profile(user):
    """The profile of ``user``, or None: erased profiles have no account left."""
    return ExpertProfile.objects.filter(user=user, erased_at__isnull=True).first()


def expert_required(view):
    """The view gets the visitor's own profile; a partner, moderator or visitor without one is refused."""

    @login_required(login_url="experts:login")
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        profile = own_profile(request.user)
        if profile is None:
            raise PermissionDenied
        return view(request, profile, *args, **kwargs)

    return wrapped
