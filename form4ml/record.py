"""The Form 4 record of ``shared/spec/record.md``: its shape and empty values."""

OWNER_KEYS = ("name", "cik", "street1", "street2", "city", "state", "zip_code",
              "is_director", "is_officer", "is_ten_percent_owner", "is_other",
              "officer_title", "other_text")
OWNER_FLAGS = ("is_director", "is_officer", "is_ten_percent_owner", "is_other")

ROW_KEYS = {
    "non_derivative_transactions": (
        "security_title", "transaction_date", "deemed_execution_date",
        "transaction_code", "equity_swap_involved", "shares", "price_per_share",
        "acquired_disposed", "shares_owned_following", "direct_or_indirect",
        "nature_of_ownership", "footnote_ids"),
    "non_derivative_holdings": (
        "security_title", "shares_owned_following", "direct_or_indirect",
        "nature_of_ownership", "footnote_ids"),
    "derivative_transactions": (
        "security_title", "conversion_or_exercise_price", "transaction_date",
        "deemed_execution_date", "transaction_code", "equity_swap_involved",
        "shares", "price_per_share", "acquired_disposed", "exercise_date",
        "expiration_date", "underlying_security_title", "underlying_shares",
        "shares_owned_following", "direct_or_indirect", "nature_of_ownership",
        "footnote_ids"),
    "derivative_holdings": (
        "security_title", "conversion_or_exercise_price", "exercise_date",
        "expiration_date", "underlying_security_title", "underlying_shares",
        "shares_owned_following", "direct_or_indirect", "nature_of_ownership",
        "footnote_ids"),
}
TABLES = tuple(ROW_KEYS)

DATE_KEYS = {"transaction_date", "deemed_execution_date", "exercise_date",
             "expiration_date"}
NUMBER_KEYS = {"shares", "price_per_share", "shares_owned_following",
               "conversion_or_exercise_price", "underlying_shares"}
CODE_KEYS = {"transaction_code", "acquired_disposed", "direct_or_indirect"}

SEC_CODES = set("PSVADFIMCEHOXGLWZJKU")


def empty_owner():
    owner = {k: None for k in OWNER_KEYS}
    owner.update({k: False for k in OWNER_FLAGS})
    return owner


def empty_row(table):
    row = {k: None for k in ROW_KEYS[table]}
    row["footnote_ids"] = []
    if "equity_swap_involved" in row:
        row["equity_swap_involved"] = False
    return row


def empty_record():
    """A record with every key present and nothing known."""
    return {
        "document_type": "4",
        "period_of_report": None,
        "date_of_original_submission": None,
        "issuer": {"name": None, "trading_symbol": None, "cik": None},
        "reporting_owners": [],
        **{t: [] for t in TABLES},
        "footnotes": [],
        "remarks": None,
        "signatures": [],
    }
