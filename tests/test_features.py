"""Token and line features: what the CRFs see of each token and line."""
import pytest

from form4ml.features import form_words, line_features, tokens_to_features, word_features
from form4ml.tokenize import tokenize


def _features(text):
    lines = text.split("\n")
    tokens = tokenize(text)
    return tokens, tokens_to_features(tokens, lines, ["table1"] * len(lines))


@pytest.mark.parametrize("text, expected", [
    ("25,893", {"num", "comma", "mag=4"}),
    ("3.1700", {"num", "dec=4"}),
    ("02/18/2014", {"date"}),
    ("02/18/2", {"partdate"}),
    ("(1)", {"mark"}),
    ("[F3]", {"mark"}),
    ("2014", {"num", "year"}),
    ("Stock", {"w=stock", "lex=security", "title"}),
    ("D", {"letter=D", "upper"}),
    ("WASHINGTON", {"lex=state", "upper"}),     # a state the training filings may never show
    ("Carolina", {"lex=state"}),
    ("WA", {"statecode"}),
])
def test_word_features_name_the_token_class(text, expected):
    assert expected <= set(word_features(text))


@pytest.mark.parametrize("state, other", [("WASHINGTON", "CALIFORNIA"), ("Carolina", "Virginia")])
def test_word_features_show_that_a_word_names_a_state_not_which(state, other):
    assert word_features(state) == word_features(other)
    assert not [f for f in word_features(state) if f.startswith(("w=", "suf="))]


@pytest.mark.parametrize("text", ["New", "or", "Stock"])
def test_word_features_do_not_call_common_words_states(text):
    assert not {"lex=state", "statecode"} & set(word_features(text))


def test_word_features_survive_absurd_numbers():
    assert "mag=bad" in word_features("9" * 400)


@pytest.mark.parametrize("text, index, gap", [
    ("C/O ACME  1 MAIN ST", 2, "gap=2"),
    ("Common Stock", 1, "gap=1"),
    ("Common\tStock", 1, "gap=tab"),
    ("Common      Stock", 1, "gap=wide"),
    ("25,893(1)", 1, "gap=0"),
    ("Common\nStock", 1, "gap=line"),
])
def test_gap_before_tells_cell_boundaries_from_word_spaces(text, index, gap):
    lines = text.split("\n")
    feats = tokens_to_features(tokenize(text), lines, ["header"] * len(lines))
    assert [f for f in feats[index] if f.startswith("gap=")] == [gap]


def test_token_features_leave_skipped_tokens_out_but_show_them_to_their_neighbours():
    text = "Common Stock 02/18/2014"
    feats = tokens_to_features(tokenize(text), [text], ["table1"], [None, "carry", None])
    assert feats[1] is None and "+1:w=stock" in feats[0] and "-1:w=stock" in feats[2]


def test_token_features_see_the_gap_after_them():
    tokens, feats = _features("ONE MICROSOFT WAY  REDMOND")
    assert "+1:gap=2" in feats[2] and "+1:gap=1" in feats[1]


def test_token_features_carry_neighbours_and_line_edges():
    tokens, feats = _features("Common Stock 02/18/2014 F 25,893")
    assert "linestart" in feats[0] and "-1:edge" in feats[0]
    assert "+1:date" in feats[1] and "-1:w=stock" in feats[2]
    assert "lineend" in feats[-1] and "zone=table1" in feats[-1]


def test_token_features_name_the_column_header_above():
    text = "Title Date Code V Amount Price\nCommon 02/18/2014 F   25,893 $3.17"
    tokens, feats = _features(text)
    code = next(i for i, t in enumerate(tokens) if t.text == "F")
    assert any(f.startswith("hcol=") for f in feats[code])


@pytest.mark.parametrize("line, keyword", [
    ("Table I - Non-Derivative Securities Acquired", "kw=table1"),
    ("Explanation of Responses:", "kw=explain"),
    ("** Signature of Reporting Person", "kw=signature"),
    ("Washington, D.C. 20549", "kw=formhead"),
    ("                  (3) The shares are held by a trust.", "kw=fnstart"),
])
def test_line_features_flag_form_keywords(line, keyword):
    feats = line_features([line], tokenize(line))
    assert keyword in feats[0]


@pytest.mark.parametrize("line", [
    # box 1 of a Microsoft filing by pdftotext -layout: an owner in Washington state is
    # not the form's "Washington, D.C." heading
    "REDMOND                                    WASHINGTON",
    " " * 100 + "12,000  D",
])
def test_line_features_do_not_flag_lines_without_keywords(line):
    assert not [f for f in line_features([line], tokenize(line))[0] if f.startswith("kw=")]


@pytest.mark.parametrize("text, word, expected", [
    ("Class A Common   2022-06-13  M\nStock", "Stock", {"up:lex=security", "down:none"}),
    ("Class A Common   2022-06-13  M\nStock", "Class", {"up:none", "down:lex=security"}),
    ("Restricted   [F1]   2022-06-13\n             7,583", "[F1]", {"down:num", "down:shape=d,ddd"}),
    ("Class A Common   2022-06-13  M\n" + " " * 40 + "Stock", "Stock", {"up:none", "down:none"}),
])
def test_tokens_see_the_token_above_and_below_in_their_column(text, word, expected):
    tokens, feats = _features(text)
    i = next(k for k, t in enumerate(tokens) if t.text == word)
    assert expected <= set(feats[i])


def test_lines_with_tabs_get_no_column_features():
    tokens, feats = _features("Class A Common\t2022-06-13\nStock\t\t")
    assert not [f for row in feats for f in row if f.startswith(("up:", "down:"))]


@pytest.mark.parametrize("word, printed", [("table", True), ("securities", True), ("common", True),
                                           ("washington", False), ("redmond", False), ("code", True)])
def test_form_words_are_the_forms_own_never_a_states(word, printed):
    assert (word in form_words(["table i - non-derivative securities", "washington, d.c. 20549"])) == printed
