"""Who may use the review pages of a call: the reviewers and the manager it names (``CallRole``), no one else.

Moderators grant the roles in the back office; holding a role on one call gives nothing on
another. Which applications a reviewer then reads is ``Application.objects.reviewable_by``.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Call, CallRole


def call_role_required(*roles):
    """The view gets the call (by its slug) if the visitor holds one of ``roles`` on it; else 403."""

    def decorator(view):
        @login_required(login_url="partners:login")
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            call = get_object_or_404(Call, slug=slug)
            held = set(CallRole.objects.filter(user=request.user, call=call).values_list("role", flat=True))
            if not held & set(roles):
                raise PermissionDenied
            request.call_roles = held
            return view(request, call, *args, **kwargs)

        return wrapped

    return decorator


reviewer_required = call_role_required(CallRole.Role.REVIEWER)
manager_required = call_role_required(CallRole.Role.MANAGER)
review_pages_required = call_role_required(CallRole.Role.REVIEWER, CallRole.Role.MANAGER)
