"""Build the annual report in every language and format, beside the time WeasyPrint alone takes on the same HTML.

Runs on the bundled data (the real registry, Eurostat files and 2022 prose) in a throw-away
SQLite database under a temporary WIDMONITOR_HOME; nothing is synthetic.

    .venv/bin/python benchmarks/report_bench.py [--year 2022]

Prints: the time to load the data (not counted), to build the report's data, to write all
files (HTML, PDF and xlsx annexes in nl, fr and en: `widmonitor report --lang all --format all`),
and the time WeasyPrint takes to turn the same print HTML into PDF, per language.
Target: all languages in all formats in <= 60 s on a 2-core machine.

Then it publishes the year (the edition's files made and kept, timed here rather than in the
background thread publishing uses) and times the download of the published edition's PDF
through the portal's URL (in-process client): built on demand, as every download was before the
files were kept (its kept file removed first, so that the download builds it), and read from
its kept file. Medians of --built and --kept downloads.

    .venv/bin/python benchmarks/report_bench.py [--year 2022] [--built 3] [--kept 20]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--built", type=int, default=3, help="downloads timed with the PDF built on demand")
    parser.add_argument("--kept", type=int, default=20, help="downloads timed with the PDF read from its kept file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="widmonitor-report-bench-") as home:
        os.environ["WIDMONITOR_HOME"] = home
        bench(args.year)
        bench_published_download(args.year, args.built, args.kept)


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


def timed_download(client, url):
    started = time.perf_counter()
    response = client.get(url, HTTP_HOST="localhost")
    size = len(b"".join(response.streaming_content) if response.streaming else response.content)
    assert response.status_code == 200 and size > 0, (response.status_code, url)
    return time.perf_counter() - started, size


def bench_published_download(year, built, kept, language="en"):
    from django.test import Client

    from widmonitor.reports import editions
    from widmonitor.reports.models import EditionFile

    editions.in_background = lambda function, *args: function(*args)  # make the files now, to time them
    started = time.perf_counter()
    edition = editions.publish(year, None)
    print(f"publish {year}, its {edition.files.count()} files made and kept: {time.perf_counter() - started:.1f} s")

    client, url = Client(), f"/{language}/reports/{year}/download/pdf"
    on_demand = []
    for _ in range(built):
        for item in EditionFile.objects.filter(edition=edition, language=language, kind="pdf"):
            item.file.delete(save=False)  # as before the files were kept: the download builds the PDF
        on_demand.append(timed_download(client, url))
    from_file = [timed_download(client, url) for _ in range(kept)]
    size = from_file[0][1]
    print(
        f"download of the published {year} PDF ({language}, {size / 1e6:.2f} MB): "
        f"built on demand (before) median {statistics.median(t for t, _ in on_demand):.2f} s "
        f"(min {min(t for t, _ in on_demand):.2f}, max {max(t for t, _ in on_demand):.2f}, {built} downloads); "
        f"read from its kept file (after) median {1000 * statistics.median(t for t, _ in from_file):.1f} ms "
        f"(min {1000 * min(t for t, _ in from_file):.1f}, max {1000 * max(t for t, _ in from_file):.1f}, {kept} downloads)"
    )


if __name__ == "__main__":
    main()
