"""What a mentor or mentee downloads about herself: her profile, her cycles, her pairs and her consents.

Built on the expert directory's export (``experts.data_export.stamp``): the same dates, the same shape of consents.
"""

from django.utils import timezone

from widmonitor.experts.data_export import stamp

from .consent import WORDINGS, wording


def personal_data(profile):
    return {
        "exported_at": stamp(timezone.now()),
        "profile": {
            "role": profile.role,
            "name": profile.name,
            "email": profile.email,
            "language": profile.language,
            "topics": profile.topics,
            "languages": profile.languages,
            "province": profile.province,
            "online": profile.online,
            "on_site": profile.on_site,
            "availability": profile.availability,
            "goals": profile.goals,
            "about": profile.about,
            "capacity": profile.capacity,
            "from_expert_directory": profile.expert_id is not None,
            "applied_at": stamp(profile.created_at),
            "confirmed_at": stamp(profile.confirmed_at),
            "erased_on": profile.erase_due_on().isoformat() if profile.erase_due_on() else None,
        },
        "cycles": [
            {"programme": p.cycle.programme.name, "cycle": p.cycle.name, "gender": p.gender, "age_band": p.age_band, "joined_at": stamp(p.created_at)}
            for p in profile.participations.select_related("cycle__programme")
        ],
        "pairs": [
            {"cycle": pair.cycle.name, "status": pair.status, "confirmed_at": stamp(pair.created_at), "end_reason": pair.end_reason}
            for pair in profile.pairs_as(profile.role).select_related("cycle")
        ],
        "consents": [
            {
                "purpose": consent.purpose,
                "wording_version": consent.wording_version,
                "wording": wording(consent.purpose, first_programme(profile), consent.wording_version)
                if (consent.purpose, consent.wording_version) in WORDINGS and first_programme(profile) else "",
                "given_at": stamp(consent.given_at),
                "withdrawn_at": stamp(consent.withdrawn_at),
            }
            for consent in profile.consents.order_by("given_at")
        ],
    }


def first_programme(profile):
    first = profile.participations.select_related("cycle__programme").order_by("created_at").first()
    return first.cycle.programme if first else None
