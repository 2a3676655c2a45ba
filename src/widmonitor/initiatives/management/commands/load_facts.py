from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from widmonitor.initiatives.facts_loader import load_facts
from widmonitor.problems import Problems


def bundled_facts():
    return sorted((settings.DATA_DIR / "registry" / "facts").glob("*.yaml"))


def summary_lines(summary):
    """What a facts load did, as lines a person reads; every fact not applied among them."""
    outcome = summary.outcome
    lines = [
        f"Loaded public facts from {', '.join(summary.files) or 'no files'}: {summary.facts} facts from {summary.pages} pages "
        f"about {summary.initiatives_searched} initiatives and {summary.organisations_searched} organisations "
        f"({summary.no_page_found} searched with no page found); {outcome.fields_filled} fields filled from them; "
        f"{outcome.initiatives_changed} initiatives and {outcome.organisations_changed} organisations changed by this load."
    ]
    if outcome.differences:
        lines.append(f"{len(outcome.differences)} facts not applied (the record keeps its own value, or pages differ):")
        lines.extend(f"  {difference}" for difference in outcome.differences)
    return lines


class Command(BaseCommand):
    help = (
        "Load the public facts (default: every data/registry/facts/*.yaml, the whole set), all or nothing, and "
        "fill the fields of initiatives and organisations that their records leave empty; a value a record has "
        "is never overwritten, and a fact that differs from it is listed. Run after load-initiatives."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Facts files, loaded together; they replace every stored fact.")

    def handle(self, paths, **options):
        try:
            summary = load_facts(paths or bundled_facts())
        except Problems as error:
            raise CommandError(f"No fact was loaded; fix the files and run again.\n{error}") from error
        for line in summary_lines(summary):
            self.stdout.write(line)
