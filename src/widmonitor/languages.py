"""The platform's languages (settings.LANGUAGES: nl, fr, en), for data files and commands."""

from django.conf import settings


def codes():
    return [code for code, _name in settings.LANGUAGES]


def add_language_argument(parser, help_text):
    """``--language`` for a command whose output speaks one of the platform's languages."""
    parser.add_argument(
        "--language", choices=codes(), default=settings.LANGUAGE_CODE, help=f"{help_text} (default: %(default)s)."
    )
