"""The applicant is told the decision on her application, in her language (``partners.emails.send``)."""

from django.utils.translation import gettext as _

from widmonitor.partners.emails import link_for, send


def send_decision(application):
    def subject():
        if application.status == application.Status.FUNDED:
            return _("Your application “%(title)s” is funded") % {"title": application.title}
        return _("Your application “%(title)s” is not funded") % {"title": application.title}

    link = link_for(application.created_by, "calls:application", [application.pk])
    return send("calls/emails/decision.txt", subject, application.created_by, {"application": application, "link": link})
