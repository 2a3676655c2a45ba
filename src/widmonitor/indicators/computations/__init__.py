"""Plain functions on statistical values: gaps, trends, ranks, progress and the recomputed WiD score.

No database and no models: values come in as ``Value(number, flags)`` and go out the same way,
so every result carries the Eurostat flags of what it was computed from. One module per concern:
``values`` (the type and how flags merge), ``gaps``, ``trends``, ``ranking``, ``progress``, ``score``.
"""
