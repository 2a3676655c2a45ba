import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from widmonitor.jobads.checker import JobAdRefused, check
from widmonitor.languages import interface_codes


class Command(BaseCommand):
    help = (
        "Check a vacancy text (a file, or - for standard input) for gender-coded words, the gender marker "
        "of its title and job titles written only in the masculine; each match says where it comes from "
        "(research list, public guidance or widmonitor's translation)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a UTF-8 text file, or - to read standard input")
        parser.add_argument("--language", default="auto", help="language of the text: auto (default), nl, fr or en")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
        parser.add_argument(
            "--interface", choices=interface_codes(), default="en", help="language of the verdict and suggestions (default: en)"
        )

    def handle(self, file, language, format, interface, **options):
        text = read(file)
        with translation.override(interface):
            try:
                result = check(text, language)
            except JobAdRefused as refusal:
                raise CommandError(refusal.text) from refusal
            if format == "json":
                self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            else:
                self.print_text(result)

    def print_text(self, result):
        detected = f", detected with confidence {result.language_confidence}" if result.language_detected else ""
        self.stdout.write(f"Language: {result.language}{detected}")
        self.stdout.write(
            f"Verdict: {result.verdict_label} ({len(result.masculine_coded)} masculine-coded, "
            f"{len(result.feminine_coded)} feminine-coded words)"
        )
        origins = ", ".join(f"{label} {count}" for label, count in result.coded_by_kind)
        self.stdout.write(f"Where the coded words come from: {origins}")
        marker = f"yes, {result.gender_marker_text}" if result.gender_marker else "no"
        self.stdout.write(f"Gender marker in the title: {marker}")
        for kind, words in (("masculine-coded", result.masculine_coded), ("feminine-coded", result.feminine_coded)):
            for word in words:
                instead = f" -> {word.alternative}" if word.alternative else ""
                self.stdout.write(f"  {kind} {word.start}-{word.end} {word.word} [{word.entry}]{instead}")
                self.print_source(word)
        for title in result.masculine_only_titles:
            self.stdout.write(f"  masculine-only title {title.start}-{title.end} {title.word} -> {title.inclusive}")
            self.print_source(title)
        for suggestion in result.suggestions:
            self.stdout.write(f"- {suggestion}")

    def print_source(self, found):
        """The kind of source of a match, the source and how the entry was made, under the match."""
        self.stdout.write(f"    {found.source.label}: {found.source.name}; {found.note}")


def read(file):
    if file == "-":
        return sys.stdin.read()
    try:
        with open(file, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError as error:
        raise CommandError(f"{file}: no such file; give a text file or - for standard input.") from error
    except IsADirectoryError as error:
        raise CommandError(f"{file}: a folder, not a file; give a text file or - for standard input.") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"{file}: not UTF-8 text; save it as UTF-8 plain text.") from error
