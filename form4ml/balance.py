"""Amounts put where the form's arithmetic says they belong, or computed from it where
the text lost them.

A filer's successive transactions in one holding (same security, same direct or
indirect ownership) chain: what is owned after a row is what was owned after the
row before, plus the shares acquired or minus those disposed of (96 % of such
pairs in the corpus's 806 filings). Text read column by column (plain
``pdftotext``, pdfminer) hands the right numbers to the wrong cells: row 2's
shares after row 3's holding, row 1's holding last. Where a run of rows breaks
the chain and the run's own numbers, placed otherwise, make it whole, exactly one
placement changes fewest cells, that placement is taken. An amount the text
lost (or the CRF left untagged) in a run is what the chain makes it: a holding
from the one before and the row's shares, shares from the two holdings.

In Table II, options, units and a second share class convert one for one: a
transaction's underlying amount is its number of derivatives.
"""
import re
from itertools import groupby

from .values import tidy_number

AMOUNTS = ("shares", "shares_owned_following")
HOLDING = ("security_title", "direct_or_indirect", "nature_of_ownership")
MAX_RUN = 12          # rows of a run searched (the search grows with the run)
MAX_NODES = 20000     # placements tried per run before the search gives up
TOLERANCE = 0.01


def balance_amounts(rows, where, table):
    """Mend ``rows`` (a transactions table's row records, in order) in place and move
    their provenance in ``where`` (keys ``{table}[i].shares``) with the values."""
    i = 0
    for _, run in groupby(rows, key=lambda r: tuple(r[k] for k in HOLDING)):
        run = list(run)
        _unglue_leading_ones(run)
        _unswap_prices(run, where, table, i)
        placed = _placement(run)
        if placed is not None:
            _apply(run, placed, where, table, i)
        _fill(run)
        i += len(run)


def _unglue_leading_ones(run):
    """An amount owned read with a ``1`` glued before it (OCR reads a mark's bracket or a
    cell's rule as ``1``: ``() 15,160,301``, ``1918,567``) read without it where the
    chain breaks at the row as read and holds there without the ``1``, with the row
    before or, for the run's first row, the row after."""
    if _broken_chain(run) is None:
        return
    for n, row in enumerate(run):
        unglued = _without_leading_one(row["shares_owned_following"])
        if unglued is None:
            continue
        pair = [run[n - 1], row] if n else [row, run[1]]
        as_read = [(r["shares"], r["shares_owned_following"]) for r in pair]
        mended = [(r["shares"], unglued if r is row else r["shares_owned_following"]) for r in pair]
        if not _chained(pair, as_read) and _chained(pair, mended):
            row["shares_owned_following"] = unglued


def _without_leading_one(amount):
    """The whole amount without its leading digit where that is a ``1`` followed by
    more digits than a glued mark leaves alone (``15160301`` -> ``5160301``), else None."""
    if amount is None or amount != int(amount) or amount < 1000:
        return None
    digits = str(int(amount))
    return int(digits[1:]) if digits[0] == "1" and digits[1] != "0" else None


def _unswap_prices(run, where, table, first):
    """A row's price and amount owned swapped back where the run's chain is whole with
    them swapped in exactly one row and broken as read (plain ``pdftotext`` prints a
    withholding's ``$`` / ``2,353.34`` / ``68.27``: the amount owned after the dollar sign,
    the price below it)."""
    current = _broken_chain(run)
    if current is None:
        return
    mended = [n for n, r in enumerate(run) if r.get("price_per_share") and _chained(
        run, current[:n] + [(r["shares"], r["price_per_share"])] + current[n + 1:])]
    if len(mended) != 1:
        return
    n = mended[0]
    row, keys = run[n], ("price_per_share", "shares_owned_following")
    row[keys[0]], row[keys[1]] = row[keys[1]], row[keys[0]]
    paths = [f"{table}[{first + n}].{key}" for key in keys]
    origins = [where.pop(path, None) for path in paths]
    for path, origin in zip(paths, reversed(origins)):
        if origin is not None:
            where[path] = origin


def _placement(run):
    """The one placement of the run's amounts that makes its chain whole and changes
    fewest cells, or None (chain already whole, no or several such placements)."""
    current = _broken_chain(run)
    if current is None:
        return None
    # the first row's shares are bound by nothing: a placement keeps them
    found = _chains(run, current[0][0], [v for pair in current for v in pair][1:])
    if not found:
        return None
    cost = [sum(a != b for p, q in zip(f, current) for a, b in zip(p, q)) for f in found]
    best = min(cost)
    winners = {tuple(f) for f, c in zip(found, cost) if c == best}
    return list(winners.pop()) if len(winners) == 1 else None


def _broken_chain(run):
    """The run's (shares, owned) pairs where every row holds both and an A/D letter, the
    run is short enough to search and its chain is broken, else None."""
    if not 2 <= len(run) <= MAX_RUN or any(r["acquired_disposed"] not in ("A", "D") for r in run):
        return None
    current = [(r["shares"], r["shares_owned_following"]) for r in run]
    if any(v is None for pair in current for v in pair) or _chained(run, current):
        return None
    return current


def _sign(row):
    return _side_sign(row["acquired_disposed"])


def _side_sign(side):
    return 1 if side == "A" else -1


def _chained(run, amounts):
    return chain_whole([r["acquired_disposed"] for r in run], amounts)


def chain_whole(sides, amounts):
    """Whether each row's amount owned is the one before's plus (``A``) or minus (``D``)
    the row's amount: ``sides`` the rows' A/D letters, ``amounts`` their (shares, owned)
    pairs (the first row's shares unused)."""
    return all(abs(prev[1] + _side_sign(side) * shares - owned) < TOLERANCE
               for prev, side, (shares, owned) in zip(amounts, sides[1:], amounts[1:]))


def _chains(run, first_shares, pool):
    """Every placement of ``pool`` (the run's amounts but the first row's shares) as the
    first row's holding and (shares, owned) of each row after it that chains, found
    depth first; [] if the search outgrows MAX_NODES."""
    found, budget = [], [MAX_NODES]

    def extend(placed, left):
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if not left:
            found.append(list(placed))
            return True
        sign, before = _sign(run[len(placed)]), placed[-1][1]
        for k, shares in enumerate(left):
            if k and shares in left[:k]:
                continue        # the same number tried already
            rest = left[:k] + left[k + 1:]
            owned = _take(rest, before + sign * shares)
            if owned is not None and not extend(placed + [(shares, rest[owned])], rest[:owned] + rest[owned + 1:]):
                return False
        return True

    for k, first_owned in enumerate(pool):
        if not (k and first_owned in pool[:k]) and not extend([(first_shares, first_owned)], pool[:k] + pool[k + 1:]):
            return []
    return found


def _fill(run):
    """Amounts missing in the run computed from the chain, row by row down it."""
    for prev, row in zip(run, run[1:]):
        before, sign = prev["shares_owned_following"], _sign(row)
        if before is None or row["acquired_disposed"] not in ("A", "D"):
            continue
        if row["shares_owned_following"] is None and row["shares"] is not None:
            owned = before + sign * row["shares"]
            if owned >= 0:
                row["shares_owned_following"] = tidy_number(owned)
        elif row["shares"] is None and row["shares_owned_following"] is not None:
            shares = sign * (row["shares_owned_following"] - before)
            if shares > 0:
                row["shares"] = tidy_number(shares)


def _take(values, wanted):
    return next((k for k, v in enumerate(values) if abs(v - wanted) < TOLERANCE), None)


def _apply(run, placed, where, table, first):
    """Write the placement into the rows, each value's provenance moving with it."""
    sources = {}
    for n, row in enumerate(run):
        for key in AMOUNTS:
            sources.setdefault(row[key], []).append(where.get(f"{table}[{first + n}].{key}"))
    for n, (row, amounts) in enumerate(zip(run, placed)):
        for key, value in zip(AMOUNTS, amounts):
            row[key] = value
            origin = sources[value].pop(0)
            path = f"{table}[{first + n}].{key}"
            if origin is None:
                where.pop(path, None)
            else:
                where[path] = origin


# securities that convert at a ratio of their own: preferred stock, notes, swaps (43 of
# their 91 corpus transactions give another underlying amount)
RATIO_CONVERTED = re.compile(r"prefer|\bnotes?\b|swap|debenture", re.I)


def underlying_of_shares(rows):
    """A derivative transaction's underlying amount, where the text shows none, taken as
    its number of derivatives: options, units and a second share class convert one for
    one (519 of the corpus's 527 transactions of them that give both)."""
    for row in rows:
        if (row["underlying_shares"] is None and row["shares"] is not None
                and row["security_title"] and not RATIO_CONVERTED.search(row["security_title"])):
            row["underlying_shares"] = row["shares"]
