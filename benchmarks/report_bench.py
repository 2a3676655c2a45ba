"""Build the annual report in every language and format, beside the time WeasyPrint alone takes on the same HTML.

Runs on the bundled data (the real registry, Eurostat files and 2022 prose) in a throw-away
SQLite database under a temporary WIDMONITOR_HOME; nothing is synthetic.

    .venv/bin/python benchmarks/report_bench.py [--year 2022]

Prints: the time to load the data (not counted), to build the report's data, to write all
files (HTML, PDF and xlsx annexes in nl, fr and en: `widmonitor report --lang all --format all`),
and the time WeasyPrint takes to turn the same print HTML into PDF, per language.
Target: all languages in all formats in <= 60 s on a 2-core machine.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2022)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="widmonitor-report-bench-") as home:
        os.environ["WIDMONITOR_HOME"] = home
        bench(args.year)


def bench(year):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("setup", verbosity=0)  # migrates, then loads the bundled data and the reports' prose
    print(f"data loaded (not counted): {time.perf_counter() - started:.1f} s")

    from weasyprint import HTML

    from widmonitor.languages import interface_codes
    from widmonitor.reports import charts, render
    from widmonitor.reports.build import build_report
    from widmonitor.reports.editions import write_files

    languages = interface_codes()
    started = time.perf_counter()
    report = build_report(year)
    print(f"build_report({year}): {time.perf_counter() - started:.2f} s")

    charts.to_data_uri.cache_clear()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        paths = write_files(year, languages, ("html", "pdf", "xlsx"), out)
        total = time.perf_counter() - started
        sizes = sum(path.stat().st_size for path in paths)
    print(f"all languages, all formats ({len(paths)} files, {sizes / 1e6:.1f} MB): {total:.1f} s  (target <= 60 s)")

    weasy = 0.0
    for language in languages:
        html = render.render_html(report, language, "reports/report_print.html")
        started = time.perf_counter()
        document = HTML(string=html, base_url=str(REPO)).render()
        document.write_pdf(pdf_variant=render.PDF_VARIANT)
        spent = time.perf_counter() - started
        weasy += spent
        print(f"  WeasyPrint alone, {language}: {spent:.1f} s ({len(document.pages)} pages)")
    print(f"WeasyPrint alone, all languages: {weasy:.1f} s  ({100 * weasy / total:.0f} % of the whole)")

if __name__ == "__main__":
    main()
