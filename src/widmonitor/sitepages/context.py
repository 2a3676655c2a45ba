from django.conf import settings


def open_data_licence(request):
    """``licence``: the open data's licence, named beside every download."""
    return {"licence": settings.DATA_LICENCE}
