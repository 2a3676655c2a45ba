"""One row per limited thing (an address's job-ad checks, a partner's submissions): its count in the current window."""

from datetime import timedelta

from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CounterManager(models.Manager):
    def tally(self, key, seconds):
        """Count one under ``key`` and return the count so far in its window, which ends ``seconds`` after its first.

        One statement, an insert that adds one to the row when ``key`` has one (SQLite 3.35+ and
        PostgreSQL): the database counts, so that requests at the same moment, in any worker or
        on any host, each get a count of their own. A window that has ended starts again at 1.
        """
        now = timezone.now()
        count = self._upsert(key, now, now + timedelta(seconds=seconds))
        if count == 1:  # a window begins: rows of windows ended are no longer needed
            self.filter(expires_at__lte=now).delete()
        return count

    def _upsert(self, key, now, ends):
        table, quote = self.model._meta.db_table, connection.ops.quote_name
        key_column, count_column, ends_column = (quote(name) for name in ("key", "count", "expires_at"))
        ended = f"{quote(table)}.{ends_column} <= %s"
        sql = (
            f"INSERT INTO {quote(table)} ({key_column}, {count_column}, {ends_column}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({key_column}) DO UPDATE SET "
            f"{count_column} = CASE WHEN {ended} THEN 1 ELSE {quote(table)}.{count_column} + 1 END, "
            f"{ends_column} = CASE WHEN {ended} THEN excluded.{ends_column} ELSE {quote(table)}.{ends_column} END "
            f"RETURNING {count_column}"
        )
        now, ends = (connection.ops.adapt_datetimefield_value(moment) for moment in (now, ends))
        with connection.cursor() as cursor:
            cursor.execute(sql, [key, ends, now, now])
            return cursor.fetchone()[0]


class Counter(models.Model):
    """How many requests ``key`` made in the window ending at ``expires_at``; kept by ``Counter.objects.tally``."""

    key = models.CharField(
        _("what is counted"), max_length=200, unique=True, help_text=_("e.g. jobads:checks:192.0.2.1")
    )
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("window ends"), db_index=True)

    objects = CounterManager()

    class Meta:
        verbose_name = _("limit counter")
        verbose_name_plural = _("limit counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
