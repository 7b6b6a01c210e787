import pytest

from form4ml.balance import balance_amounts, underlying_of_shares

TABLE = "non_derivative_transactions"


def rows(amounts, ad, natures=None):
    """Row records of one holding: (shares, owned) pairs, an A/D letter per row."""
    natures = natures or ["By Fund"] * len(amounts)
    return [{"security_title": "Class A Common Stock", "direct_or_indirect": "I",
             "nature_of_ownership": nature, "shares": shares, "shares_owned_following": owned,
             "acquired_disposed": letter}
            for (shares, owned), letter, nature in zip(amounts, ad, natures)]


def amounts(records):
    return [(r["shares"], r["shares_owned_following"]) for r in records]


def provenance(records):
    """Each amount's provenance named by the value it was read as."""
    return {f"{TABLE}[{i}].{key}": {"start": r[key]} for i, r in enumerate(records)
            for key in ("shares", "shares_owned_following") if r[key] is not None}


@pytest.mark.parametrize("read, ad, mended", [
    # a markdown dump of a scanned Founders Fund filing: the fifth row's holding lost
    ([(45659, 45659), (1816, 43843), (1135, 42708), (14817, 27891), (27284, None), (607, 0)], "ADDDDD",
     [(45659, 45659), (1816, 43843), (1135, 42708), (14817, 27891), (27284, 607), (607, 0)]),
    # pdfminer: the shares of a sale lost, its holding and the one before read
    ([(100, 100), (None, 75), (17, 58)], "ADD", [(100, 100), (25, 75), (17, 58)]),
    # holdings read a row late (plain pdftotext prints the column apart): the run's own numbers
    ([(500, 9200), (300, 9500), (200, 9000)], "DDD", [(500, 9500), (300, 9200), (200, 9000)]),
    ([(16000, 8536067), (16847, 8552914), (35000, 8687914), (100000, 8652914)], "AAAA",
     [(16000, 8536067), (16847, 8552914), (100000, 8652914), (35000, 8687914)]),
])
def test_balance_puts_amounts_where_the_holdings_chain(read, ad, mended):
    records = rows(read, ad)
    balance_amounts(records, {}, TABLE)
    assert amounts(records) == mended


@pytest.mark.parametrize("read, ad, natures", [
    # already chained
    ([(100, 1000), (200, 800)], "AD", None),
    # the first row's shares chain with nothing: 35000 may not move into them
    ([(35000, 8536067), (16847, 8552914), (100000, 8652914), (16000, 8687914)], "AAAA", None),
    # two placements chain as well (100 -> 1000 -> 800 or -> 200): none is taken
    ([(100, 1000), (300, 500), (800, 200)], "ADD", None),
    # a sale of more than the holding: no holding below zero is made up
    ([(100, 50), (80, None)], "AD", None),
    # a gift received gives no shares from a holding that fell
    ([(100, 500), (None, 400)], "AA", None),
    # two holdings (direct, and by a fund) never chain one with the other
    ([(100, 1000), (200, None)], "AD", ["By Fund", "By Trust"]),
    # a row without its A/D
    ([(100, 1000), (200, None)], "A?", None),
])
def test_balance_leaves_amounts_the_chain_cannot_settle(read, ad, natures):
    records = rows(read, ad, natures)
    balance_amounts(records, {}, TABLE)
    assert amounts(records) == read


def test_balance_moves_an_amounts_provenance_with_it():
    records = rows([(500, 9200), (300, 9500), (200, 9000)], "DDD")
    where = provenance(records)
    balance_amounts(records, where, TABLE)
    assert where == provenance(records)


def test_balance_gives_a_computed_amount_no_provenance():
    records = rows([(100, 100), (25, None)], "AD")
    where = provenance(records)
    balance_amounts(records, where, TABLE)
    assert records[1]["shares_owned_following"] == 75
    assert f"{TABLE}[1].shares_owned_following" not in where


def grant(title, shares, underlying=None):
    return {"security_title": title, "shares": shares, "underlying_shares": underlying}


@pytest.mark.parametrize("row, underlying", [
    # plain pdftotext printed the underlying amount apart from its row, and it was lost
    (grant("Restricted Stock Units", 1613), 1613),
    (grant("Employee Stock Option (right to buy)", 20000), 20000),
    (grant("Class B Common Stock", 45659), 45659),
    # what the text shows stands
    (grant("Employee Stock Option (right to buy)", 500, 1000), 1000),
    # securities converting at a ratio of their own
    (grant("Series C-1 Preferred Stock", 4025764), None),
    (grant("Convertible Senior Notes", 1000), None),
    (grant("Equity Swap (obligation to sell)", 1000), None),
    # a row whose title went missing may be any of them
    (grant(None, 1000), None),
    (grant("Restricted Stock Units", None), None),
])
def test_underlying_amount_defaults_to_the_derivatives_converting_one_for_one(row, underlying):
    underlying_of_shares([row])
    assert row["underlying_shares"] == underlying


# plain pdftotext of a withholding then a grant (a real filing's Table I): the first row's
# amount owned printed after its dollar sign, its price below it
@pytest.mark.parametrize("prices, owned, expected", [
    ([68.27, 0], [2353.34, 2713.34], ([68.27, 0], [2353.34, 2713.34])),
    ([2353.34, 0], [68.27, 2713.34], ([68.27, 0], [2353.34, 2713.34])),
    # a chain broken either way: nothing swapped
    ([2353.34, 0], [68.27, 5000], ([2353.34, 0], [68.27, 5000])),
])
def test_balance_swaps_back_a_price_read_as_the_amount_owned(prices, owned, expected):
    records = rows([(49, owned[0]), (360, owned[1])], "DA", ["By Fund"] * 2)
    for record, price in zip(records, prices):
        record["price_per_share"] = price
    where = {f"{TABLE}[0].price_per_share": {"start": 10}, f"{TABLE}[0].shares_owned_following": {"start": 20}}
    balance_amounts(records, where, TABLE)
    assert ([r["price_per_share"] for r in records], [r["shares_owned_following"] for r in records]) == expected
    if expected[0][0] != prices[0]:
        assert where == {f"{TABLE}[0].price_per_share": {"start": 20},
                         f"{TABLE}[0].shares_owned_following": {"start": 10}}


# Tesseract's reading of real filings' Table I: a mark's bracket or a cell's rule read as
# a ``1`` glued before the amount owned (``A (2) 13,012,785 D``, ``() 15,160,301``).
@pytest.mark.parametrize("read, ad, mended", [
    ([(697674, 2315111), (697674, 13012785)], "AA", [(697674, 2315111), (697674, 3012785)]),
    # the run's first row, mended by the row after
    ([(5160301, 15160301), (1000, 5161301)], "AA", [(5160301, 5160301), (1000, 5161301)]),
    # a chain the 1 does not mend, or one whole as read: left as read
    ([(697674, 2315111), (697674, 13012786)], "AA", [(697674, 2315111), (697674, 13012786)]),
    ([(1000, 12000), (1000, 13000)], "AA", [(1000, 12000), (1000, 13000)]),
])
def test_balance_reads_an_amount_owned_without_a_glued_leading_one(read, ad, mended):
    records = rows(read, ad)
    balance_amounts(records, {}, TABLE)
    assert amounts(records) == mended
