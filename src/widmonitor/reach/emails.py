"""The e-mail a partner receives when a moderator decides her outcome. One place to patch in tests."""

from django.utils.translation import gettext as _

from widmonitor.partners.emails import link_for, send


def send_outcome_decision(outcome):
    """E-mail whoever entered ``outcome`` its fate, in her language, unless she decided it herself (a moderator's own entry)."""
    user = outcome.entered_by
    if not user or user == outcome.decided_by:
        return

    def subject():
        if outcome.status == outcome.Status.ACCEPTED:
            return _("Your outcome #%(number)s was accepted") % {"number": outcome.pk}
        return _("Your outcome #%(number)s was rejected") % {"number": outcome.pk}

    link = link_for(user, "reach:outcomes", [outcome.initiative.uid])
    send("reach/emails/outcome_decision.txt", subject, user, {"outcome": outcome, "link": link})
