"""What an expert downloads about herself: her profile, its history and her consents, as JSON-ready data."""

from django.utils import timezone

from .consent import WORDINGS, wording


def stamp(moment):
    return moment.isoformat() if moment else None


def personal_data(expert):
    user = expert.user
    return {
        "exported_at": stamp(timezone.now()),
        "account": {"username": user.get_username(), "email": user.email, "last_login": stamp(user.last_login)},
        "profile": {
            "name": expert.name,
            "title": expert.title,
            "organisation": expert.organisation_name,
            "topics": [topic.code for topic in expert.topics.all()],
            "languages": [term.code for term in expert.languages.all()],
            "region": expert.region.code if expert.region else None,
            "bio": expert.bio,
            "bio_language": expert.bio_language,
            "links": expert.link_list(),
            "willing_to_speak": expert.willing_to_speak,
            "willing_to_mentor": expert.willing_to_mentor,
            "willing_to_be_role_model": expert.willing_to_be_role_model,
            "invited_at": stamp(expert.created_at),
            "updated_at": stamp(expert.updated_at),
        },
        "consents": [
            {
                "wording_version": consent.wording_version,
                "wording": wording(consent.wording_version) if consent.wording_version in WORDINGS else "",
                "given_at": stamp(consent.given_at),
                "withdrawn_at": stamp(consent.withdrawn_at),
            }
            for consent in expert.consents.order_by("given_at")
        ],
        "history": [
            {
                "date": stamp(row.history_date),
                "change": row.get_history_type_display(),
                "reason": row.history_change_reason or "",
                "name": row.name,
                "title": row.title,
                "organisation": row.organisation_name,
                "bio": row.bio,
                "links": row.links,
            }
            for row in expert.history.order_by("history_date")
        ],
    }
