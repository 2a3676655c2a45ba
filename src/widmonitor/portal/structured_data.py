"""schema.org descriptions of public pages, for search engines and other readers of the open registry."""


def initiative_json_ld(initiative, url):
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": initiative.text("title").text,
        "description": initiative.text("summary").text,
        "url": url,
        "inLanguage": initiative.original_language,
        "dateModified": initiative.updated_at.isoformat(),
        "audience": [{"@type": "Audience", "audienceType": str(term)} for term in initiative.audiences.all()],
        "creator": [{"@type": "Organization", "name": str(o)} for o in initiative.organisations.all()],
    }
    if initiative.url:
        data["sameAs"] = initiative.url
    if initiative.starts:
        data["temporalCoverage"] = f"{initiative.starts}/{initiative.ends or '..'}"
    return data
