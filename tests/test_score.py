import pytest

from form4ml.score import Counts, DocScore, cluster_intervals


def doc(tp, fp=0, fn=0, rows=0, exact=0):
    score = DocScore(rows=rows, exact_rows=exact)
    score.fields["shares"] = Counts(tp, fp, fn)
    return score


@pytest.mark.parametrize("scores, clusters, f1, rows", [
    # every issuer alike: nothing to resample, the interval is the point
    ([doc(9, 1, 0, 2, 1), doc(9, 1, 0, 2, 1)], ["a", "b"], (18 / 19, 18 / 19), (0.5, 0.5)),
    # one issuer right, one wrong: the interval spans what either alone scores
    ([doc(10, rows=1, exact=1), doc(0, 10, 10, rows=1)], ["a", "b"], (0.0, 1.0), (0.0, 1.0)),
    # filings with no rows give no row interval
    ([doc(5), doc(5)], ["a", "b"], (1.0, 1.0), None),
    # one issuer: nothing to resample, no interval
    ([doc(5, rows=1), doc(3, 1, rows=1)], ["a", "a"], None, None),
])
def test_cluster_intervals_bound_what_resampled_issuers_score(scores, clusters, f1, rows):
    got_f1, got_rows = cluster_intervals(scores, clusters)
    assert got_f1 == (None if f1 is None else pytest.approx(f1))
    assert got_rows == (None if rows is None else pytest.approx(rows))


def test_cluster_intervals_resample_an_issuers_filings_together():
    """Ten filings of one issuer all wrong and ten of another all right: resampling
    filings would give a narrow interval; resampling issuers gives the two extremes."""
    scores = [doc(0, 1, 1) for _ in range(10)] + [doc(1) for _ in range(10)]
    (low, high), _ = cluster_intervals(scores, ["a"] * 10 + ["b"] * 10)
    assert (low, high) == (0.0, 1.0)


def test_cluster_intervals_are_the_same_on_every_run():
    scores = [doc(k, 3 - k % 3, k % 2, rows=2, exact=k % 3) for k in range(12)]
    clusters = [k % 5 for k in range(12)]
    assert cluster_intervals(scores, clusters) == cluster_intervals(scores, clusters)
