"""The schema.org ``Event`` description of an event's page (JSON-LD, escaped by the template tag ``json_ld``)."""

from django.utils import timezone


def event_json_ld(event, url):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.text("title").text,
        "description": event.text("description").text,
        "url": url,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled" if event.cancelled_at else "https://schema.org/EventScheduled",
        "organizer": [{"@type": "Organization", "name": str(o)} for o in event.initiative.organisations.all()],
        "audience": [{"@type": "Audience", "audienceType": str(term)} for term in event.audiences.all()],
        "isAccessibleForFree": event.cost == "free",
    }
    languages = [term.code for term in event.languages.all()]
    if languages:  # the languages spoken at the event; none stated, none claimed (the text's language is not the event's)
        data["inLanguage"] = languages
    if event.online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": event.registration_url or url}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": event.municipality,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.address,
                "addressLocality": event.municipality,
                "addressRegion": event.get_province_display(),
                "addressCountry": "BE",
            },
        }
    if event.price is not None:
        data["offers"] = {"@type": "Offer", "price": str(event.price), "priceCurrency": "EUR", "url": event.registration_url or url}
    elif event.cost == "free":
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": event.registration_url or url}
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data
