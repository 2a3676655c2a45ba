"""All pair scores at once, as numpy arrays: the vectorised twin of ``matching.score_milli``.

Building two million scores one ``score()`` call at a time takes tens of seconds; here each
criterion is a product of 0/1 matrices (candidates × codes), which counts the shared codes of
every pair in one BLAS call, then the same integer rounding as ``matching.share_milli``. A test
checks that both give the same numbers.
"""

import numpy as np

MILLI = 1000  # scores are integers in thousandths of a point


def allowed_values(mentees, mentors, weights, excluded, most_pairs_first=False):
    """The assignment's value of each (mentee, mentor), 0 when the pair is not allowed.

    By default an allowed pair is worth its score in thousandths × K + 1, with K above the
    number of mentees: the total score comes first and the number of pairs only decides between
    equal totals. With ``most_pairs_first`` it is worth P + its score, with P above any possible
    total score: the number of pairs comes first, then the total score. All values are whole
    numbers far below 2**53, so float64 sums stay exact."""
    milli, allowed = score_milli_matrix(mentees, mentors, weights)
    if excluded:
        row = {mentee.key: index for index, mentee in enumerate(mentees)}
        column = {mentor.key: index for index, mentor in enumerate(mentors)}
        for mentee_key, mentor_key in excluded:
            if mentee_key in row and mentor_key in column:
                allowed[row[mentee_key], column[mentor_key]] = False
    if most_pairs_first:
        pair_value = int(milli.max(initial=0)) * len(mentees) + 1
        return np.where(allowed, pair_value + milli, 0).astype(np.float64)
    tie_factor = len(mentees) + 1
    return np.where(allowed, milli * tie_factor + 1, 0).astype(np.float64)


def score_milli_matrix(mentees, mentors, weights):
    """(scores in thousandths, allowed) for every (mentee, mentor), both (mentees × mentors)."""
    shared_languages, _ = shared_counts(mentees, mentors, "languages")
    allowed = shared_languages > 0
    milli = np.zeros(allowed.shape, dtype=np.int64)
    for criterion in ("topics", "goals", "availability"):
        weight = getattr(weights, criterion)
        if weight:
            shared, wanted = shared_counts(mentees, mentors, criterion)
            milli += share_milli_array(weight, shared, wanted)
    if weights.place:
        milli += np.where(place_fits_matrix(mentees, mentors), MILLI * weights.place, 0)
    return milli, allowed


def shared_counts(mentees, mentors, attribute):
    """(how many codes each pair shares, how many codes each mentee has as a column)."""
    codes = sorted({code for candidate in [*mentees, *mentors] for code in getattr(candidate, attribute)})
    position = {code: index for index, code in enumerate(codes)}
    left = indicator(mentees, attribute, position)
    right = indicator(mentors, attribute, position)
    shared = np.rint(left @ right.T).astype(np.int64)
    return shared, left.sum(axis=1).astype(np.int64)[:, None]


def indicator(candidates, attribute, position):
    matrix = np.zeros((len(candidates), max(len(position), 1)), dtype=np.float64)
    for row, candidate in enumerate(candidates):
        for code in getattr(candidate, attribute):
            matrix[row, position[code]] = 1.0
    return matrix


def share_milli_array(weight, shared, wanted):
    """weight × shared / wanted in thousandths, rounded half up; 0 where the mentee wants nothing."""
    safe = np.maximum(wanted, 1)
    return np.where(wanted > 0, (2 * MILLI * weight * shared + safe) // (2 * safe), 0)


def place_fits_matrix(mentees, mentors):
    # shaped explicitly: with no mentee, np.array([]) would be 1-D and not broadcast against the mentors
    online = np.array([mentee.online for mentee in mentees], dtype=bool).reshape(len(mentees), 1) & \
        np.array([mentor.online for mentor in mentors], dtype=bool).reshape(1, len(mentors))
    regions = {region: index for index, region in enumerate(sorted(
        {candidate.region for candidate in [*mentees, *mentors] if candidate.region is not None}))}
    mentee_region = np.array([regions.get(m.region, -1) if m.on_site else -1 for m in mentees])[:, None]
    mentor_region = np.array([regions.get(m.region, -2) if m.on_site else -2 for m in mentors])[None, :]
    return online | (mentee_region == mentor_region)
