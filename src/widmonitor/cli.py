"""The ``widmonitor`` command: a thin front over Django's management commands."""

import os
import sys

COMMANDS = {
    "demo": ("demo", "set up with the bundled data and serve on http://127.0.0.1:8000"),
    "serve": ("serve", "serve the platform (default 127.0.0.1:8000)"),
    "setup": ("setup", "migrate and load lists, strategy and bundled registry"),
    "load-vocabularies": ("load_vocabularies", "load the controlled lists (config/vocabularies.yaml) and the DigComp 2.2 list"),
    "load-strategy": ("load_strategy", "load a strategy file (config/strategies/*.yaml)"),
    "load-initiatives": ("load_initiatives", "load registry files (data/registry/*.yaml), then the public facts"),
    "load-facts": ("load_facts", "load the public facts (data/registry/facts/*.yaml) and fill what records lack"),
    "import": ("import_xlsx", "import an overview workbook (.xlsx), all or nothing"),
    "export": ("export_xlsx", "export the overview and analysis workbooks (.xlsx)"),
    "analysis": ("analysis", "computed vs published counts of every published list"),
    "registry-facts": ("registry_facts", "per field, how many records have it and from which kind of source"),
    "report": ("report", "write the annual report of a year (HTML, PDF, xlsx annexes) in nl, fr and en"),
    "load-expert-topics": ("load_expert_topics", "load the expertise topics of the expert directory (data/experts/topics.yaml)"),
    "erase-withdrawn-experts": ("erase_withdrawn_experts", "erase expert profiles withdrawn more than WIDMONITOR_EXPERT_ERASE_DAYS ago"),
    "notify-moderators": ("notify_moderators", "e-mail each moderator what waits in the back office (at most daily; run it daily)"),
    "check-job-ad": ("check_job_ad", "check a vacancy text for gender-coded words, gender marker and masculine-only titles"),
    "check": ("check", "with --deploy: what a production site still lacks, one sentence each"),
    "backup": ("backup", "write the database and uploads into one archive (--out FILE)"),
    "restore": ("restore", "replace the database and uploads with a backup's, all or nothing"),
    "daily": ("daily", "the daily jobs: erasures, expired sessions and login attempts, old uploads (run it from cron)"),
    "indicators": ("indicators", "fetch indicator data from Eurostat (or --offline: the bundled files); list them"),
}

USAGE = """usage: widmonitor COMMAND [options]

Run and monitor a Women in Digital strategy.

commands:
{commands}

Any other Django management command also works (migrate, createsuperuser, ...).
`widmonitor COMMAND --help` describes a command's options.
Settings come from WIDMONITOR_* environment variables (see README).
"""


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")
    if not argv or argv[0] in ("-h", "--help", "help"):
        width = max(len(name) for name in COMMANDS)
        lines = "\n".join(f"  {name.ljust(width)}  {text}" for name, (_command, text) in COMMANDS.items())
        print(USAGE.format(commands=lines))
        return 0
    import django
    from django.apps import apps
    from django.core.management import ManagementUtility

    name, *rest = argv
    command = COMMANDS.get(name, (name.replace("-", "_"), ""))[0]
    if not apps.ready:  # once a process: setup configures logging again, on whatever stderr is then
        django.setup()
    # Run it under the name the user typed, so that usage and errors say "widmonitor import".
    ManagementUtility(["widmonitor", command, *rest]).fetch_command(command).run_from_argv(["widmonitor", name, *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
