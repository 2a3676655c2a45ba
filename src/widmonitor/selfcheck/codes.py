"""The code a participant keeps to pair her self-check at the start of an initiative with the one at its end.

Six characters in two groups, ``KM4-T7P``: capitals and digits without the look-alikes
(0/O, 1/I/L), so that it is read back from paper without doubt. Drawn at random by the
platform (``secrets``), never derived from anything about her. 31**6, about 890 million codes:
guessing another participant's code is hopeless, and a code is unique within its check.
"""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 6


def new_code():
    drawn = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{drawn[:3]}-{drawn[3:]}"


def normalised(text):
    """``text`` as stored (``KM4-T7P``) whatever its case, spaces and dashes; None when it cannot be a code."""
    letters = "".join(ch for ch in str(text or "").upper() if ch not in " -")
    if len(letters) != LENGTH or any(ch not in ALPHABET for ch in letters):
        return None
    return f"{letters[:3]}-{letters[3:]}"
