"""The label sets of the CRFs: line zones, and token fields (split by zone group).

Field labels name what a span holds; which table a table field belongs to is
decided by the zone of its line (Table I or Table II), as in GROBID's cascade.
Token tags are BIO: ``B-shares``, ``I-shares``, ``O``.
"""

ZONES = (
    "header",        # form title, OMB box, instructions around the header boxes
    "owner",         # box 1: name and address of reporting person
    "issuer",        # box 2-4: issuer name, ticker, dates
    "relationship",  # box 5-6: director / officer / 10% owner / other
    "table1",        # Table I heading, column headers and rows
    "table2",        # Table II heading, column headers and rows
    "footnotes",     # Explanation of Responses
    "remarks",
    "signature",
    "boilerplate",   # reminders, legal notes, page furniture
)

TABLE_ZONES = ("table1", "table2")

# The field CRFs of the cascade, one per group of zones: each labels only the tokens of
# its own lines, so it weighs a few dozen tags instead of all of them (GROBID's design).
ZONE_GROUPS = {
    "top": ("header", "owner", "issuer", "relationship"),
    "tables": TABLE_ZONES,
    "tail": ("footnotes", "remarks", "signature", "boilerplate"),
}
GROUP_OF_ZONE = {zone: group for group, zones in ZONE_GROUPS.items() for zone in zones}

HEADER_FIELDS = (
    "owner_name", "owner_street1", "owner_street2", "owner_city", "owner_state",
    "owner_zip", "issuer_name", "ticker", "period", "orig_date",
    "is_director", "is_officer", "is_ten_percent", "is_other",
    "officer_title", "other_text",
)

TABLE_FIELDS = (
    "title", "tx_date", "deemed_date", "code", "v", "shares", "ad", "price",
    "owned", "di", "nature", "fn_mark",
    # Table II only
    "ex_price", "ex_date", "exp_date", "und_title", "und_shares",
)

TAIL_FIELDS = ("fn_id", "fn_text", "remarks", "sig_name", "sig_date")

FIELDS = HEADER_FIELDS + TABLE_FIELDS + TAIL_FIELDS

# The zone a field's line most naturally belongs to; used to derive line zones
# from token spans when an annotation does not give them.
FIELD_ZONE = {
    **{f: "owner" for f in ("owner_name", "owner_street1", "owner_street2",
                            "owner_city", "owner_state", "owner_zip")},
    **{f: "issuer" for f in ("issuer_name", "ticker", "period", "orig_date")},
    **{f: "relationship" for f in ("is_director", "is_officer", "is_ten_percent",
                                   "is_other", "officer_title", "other_text")},
    "fn_id": "footnotes", "fn_text": "footnotes", "remarks": "remarks",
    "sig_name": "signature", "sig_date": "signature",
}

TABLE2_ONLY = {"ex_price", "ex_date", "exp_date", "und_title", "und_shares"}
