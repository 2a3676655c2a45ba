"""The job-ad wording checker: gender-coded words, the gender marker and masculine-only job titles.

Pure functions over a text (``checker.check``) with word lists that are data files
(``data/jobads/<language>.yaml``); a portal page, an API endpoint and a command in front of it.
The text a user pastes is never stored or logged.
"""
