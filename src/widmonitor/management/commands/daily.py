from django.core.management.base import BaseCommand, CommandError

from widmonitor import daily


class Command(BaseCommand):
    help = (
        "Run the daily jobs: erase expert profiles withdrawn long enough ago, delete expired sessions, failed log-ins "
        "that lock no one any more, expired database-cache entries and old held uploads. Run it once a day (cron or a "
        "systemd timer); a job that fails is reported and the others still run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", dest="list_jobs", help="List the jobs and what each does; run none.")
        parser.add_argument("--only", nargs="+", metavar="JOB", choices=[job.name for job in daily.JOBS], help="Run these jobs only.")

    def handle(self, list_jobs=False, only=None, **options):
        if list_jobs:
            for job in daily.JOBS:
                self.stdout.write(f"{job.name}: {job.does}")
            return
        outcomes = daily.run([job for job in daily.JOBS if job.name in only] if only else None)
        for outcome in outcomes:
            if outcome.failed:
                self.stderr.write(str(outcome))
            elif options["verbosity"]:
                self.stdout.write(str(outcome))
        failed = [outcome.job.name for outcome in outcomes if outcome.failed]
        if failed:
            raise CommandError(f"{len(failed)} of {len(outcomes)} daily jobs failed ({', '.join(failed)}): see above and the log.")
