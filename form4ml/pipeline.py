"""The whole extraction: text -> normalise -> tokens -> zones -> fields -> record."""
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from . import (
    amount_repairs, box_repairs, cell_repairs, column_repairs, letter_repairs, nature_repairs, note_repairs,
    title_repairs, zones as zone_rules,
)
from .assemble import assemble
from .cascade import skipped, tag_fields
from .columns import read_sub_columns
from .config import model_dir
from .crf import Tagger
from .errors import Form4Error
from .features import form_words, tokens_to_features
from .fields import tags_to_pieces
from .labels import ZONE_GROUPS
from .html import html_to_text, is_html
from .normalise import case_view, normalise
from .rereads import reread_from_text
from .spelling import Speller
from .tokenize import tokenize
from .validate import warnings
from .xml_record import is_ownership_xml, record_of_xml_text
from .zones import repair_trailing_rows, tag_zones

ZONE_MODEL, META, TEMPLATE, WORDS = "zones.crfsuite", "meta.json", "template_lines.txt", "words.json"
FIELD_MODELS = {group: f"fields_{group}.crfsuite" for group in ZONE_GROUPS}
MODEL_FILES = (ZONE_MODEL, *FIELD_MODELS.values(), TEMPLATE, WORDS, META)


# The rules that mend the zone CRF's reading (``form4ml/zones.py``), in the order they
# run; each takes the lines and their zones and fixes the zones in place.
ZONE_REPAIRS = (zone_rules.repair_note_lines, zone_rules.repair_starred_notes, zone_rules.repair_note_continuations,
                zone_rules.repair_boilerplate_wraps, zone_rules.repair_table2_below_table1,
                zone_rules.repair_table1_below_table2,
                zone_rules.repair_stray_table_lines, zone_rules.repair_table_tails_read_as_notes,
                zone_rules.repair_table1_tails, zone_rules.repair_table2_above_its_heading,
                zone_rules.repair_table2_heading, zone_rules.repair_signature_lines, zone_rules.repair_owner_rows,
                zone_rules.repair_table2_above_table1, zone_rules.repair_table1_read_as_header,
                zone_rules.repair_table1_above_its_heading)

# The rules that mend the field CRFs' tags, in the order they run: those of the tables
# and the notes by topic (``form4ml/note_repairs.py``: footnotes and marks;
# ``cell_repairs.py``: text cells, whatever their label; ``title_repairs.py``: titles,
# underlying titles, par values; ``nature_repairs.py``: natures of ownership;
# ``amount_repairs.py``: amounts, prices, dates; ``letter_repairs.py``: codes, A/D and D/I
# letters; ``column_repairs.py``: tables printed a column or a cell at a time; what they
# share is in ``fields.py``), and those of the boxes (``box_repairs.py``: owners,
# remarks, signatures). Each takes the tokens and their tags, then what it names here,
# and fixes tags in place.
TAG_REPAIRS = (
    (note_repairs.repair_footnote_starts, ("confidences", "zones")),
    (note_repairs.repair_note_line_ends, ("confidences", "zones")),
    (note_repairs.repair_note_last_words, ("confidences", "zones")),
    (note_repairs.repair_untagged_note_lines, ("confidences", "zones")),
    (cell_repairs.repair_bracketed, ("confidences",)),
    (cell_repairs.repair_split_text_cells, ()),
    (cell_repairs.repair_tab_cell_heads, ("confidences", "zones")),
    (note_repairs.repair_centred_marks, ("zones",)),
    (note_repairs.repair_glued_marks, ("zones",)),
    (box_repairs.repair_issuer_cells, ("confidences",)),
    (box_repairs.repair_wrapped_issuer_names, ("confidences",)),
    (box_repairs.repair_grouped_zips, ()),
    (box_repairs.repair_split_zip, ("confidences",)),
    (box_repairs.repair_zips_over_captions, ("confidences", "lines")),
    (box_repairs.repair_city_prefixes, ("confidences",)),
    (box_repairs.repair_spelt_out_states, ("confidences",)),
    (box_repairs.repair_cities_after_streets, ()),
    (box_repairs.repair_streets_after_commas, ("confidences",)),
    (box_repairs.repair_states_read_as_cities, ()),
    (box_repairs.repair_box_cell_ends, ("confidences",)),
    (box_repairs.repair_owner_names, ("confidences", "lines")),
    (box_repairs.repair_unnamed_owners, ("confidences",)),
    (column_repairs.repair_column_runs, ("confidences", "zones")),
    (title_repairs.repair_class_letters, ("confidences", "zones")),
    (title_repairs.repair_untitled_rows, ("confidences", "zones")),
    (title_repairs.repair_par_value_below_rows, ("confidences", "zones")),
    (amount_repairs.repair_prices_below_dollars, ("confidences", "zones")),
    (title_repairs.repair_untagged_title_openings, ("confidences", "zones")),
    (title_repairs.repair_untagged_titles, ("confidences", "zones")),
    (title_repairs.repair_par_value_tails, ("confidences", "zones")),
    (title_repairs.repair_par_value_amounts, ("confidences", "zones")),
    (column_repairs.repair_repeated_rows, ("confidences", "zones")),
    (nature_repairs.repair_nature_after_indirect, ("confidences", "zones")),
    (nature_repairs.repair_nature_openings, ("confidences", "zones")),
    (title_repairs.repair_worded_amounts, ("confidences", "zones")),
    (title_repairs.repair_crossed_titles, ("zones",)),
    (cell_repairs.repair_wrapped_cells, ("confidences", "zones")),
    (title_repairs.repair_title_first, ("confidences", "zones")),
    (title_repairs.repair_run_on_underlying, ("zones",)),
    (title_repairs.repair_underlying_before_dates, ("zones",)),
    (amount_repairs.repair_split_amounts, ("zones",)),
    (amount_repairs.repair_wrapped_amount_rests, ("confidences", "zones")),
    (amount_repairs.repair_owned_after_underlying, ("zones",)),
    (amount_repairs.repair_date_pairs, ("zones",)),
    (amount_repairs.repair_second_amounts, ("zones",)),
    (amount_repairs.repair_first_of_two_owned, ("zones",)),
    (amount_repairs.repair_second_row_amounts, ("confidences", "zones")),
    (amount_repairs.repair_owned_doubles, ("confidences", "zones")),
    (amount_repairs.repair_price_after_owned, ("confidences", "zones")),
    (amount_repairs.repair_untagged_price_runs, ("confidences", "zones")),
    (note_repairs.repair_marks_inside_text, ("zones",)),
    (title_repairs.repair_doubled_title_words, ("zones",)),
    (title_repairs.repair_underlying_tails, ("confidences", "zones")),
    (title_repairs.repair_repeated_underlying_titles, ("zones",)),
    (title_repairs.repair_title_heads, ("confidences", "zones")),
    (title_repairs.repair_title_line_heads, ("confidences", "zones")),
    (title_repairs.repair_interleaved_titles, ("confidences", "zones")),
    (title_repairs.repair_lone_title_ends, ("confidences", "zones")),
    (title_repairs.repair_underlying_heads, ("confidences", "zones")),
    (title_repairs.repair_heading_shares, ("zones",)),
    (title_repairs.repair_underlying_classes, ("confidences", "zones")),
    (title_repairs.repair_centred_derivative_rows, ("confidences", "zones")),
    (title_repairs.repair_centred_title_words, ("confidences", "zones")),
    (title_repairs.repair_parenthesised_title_tails, ("confidences", "zones")),
    (title_repairs.repair_hyphen_wrapped_titles, ("confidences", "zones")),
    (box_repairs.repair_remarks_openings, ("confidences", "zones")),
    (box_repairs.repair_untagged_remarks, ("confidences", "zones")),
    (cell_repairs.repair_wrapped_heads, ("confidences", "zones")),
    (amount_repairs.repair_dollar_amounts, ("zones",)),     # once the titles' wrapped heads are read: it looks back to the title
    (nature_repairs.repair_stacked_natures, ("confidences", "zones")),
    (nature_repairs.repair_untagged_natures, ("confidences", "zones")),
    (nature_repairs.repair_nature_heads, ("confidences", "zones")),
    (nature_repairs.repair_nature_heads_read_as_titles, ("confidences", "zones")),
    (nature_repairs.repair_nature_restarts, ("confidences", "zones")),
    (title_repairs.repair_title_restarts, ("confidences", "zones")),
    (title_repairs.repair_title_stacks, ("confidences", "zones")),
    (cell_repairs.repair_wrapped_nature_ends, ("confidences", "zones")),
    (nature_repairs.repair_nature_cell_starts, ("confidences", "zones")),
    (note_repairs.repair_wrapped_marks, ("confidences", "zones")),
    (note_repairs.repair_marks_below_cells, ("confidences", "zones")),
    (note_repairs.repair_lone_marks, ("confidences", "zones")),
    (note_repairs.repair_marks_below_rows, ("confidences", "zones")),
    (amount_repairs.repair_wrapped_amounts, ("confidences", "zones")),
    (note_repairs.repair_cut_marks, ("confidences", "zones")),
    (box_repairs.repair_box_marks, ()),
    (box_repairs.repair_untagged_signatures, ("confidences",)),
    (box_repairs.repair_labelled_signatures, ("confidences",)),
    (box_repairs.repair_dated_captions, ("confidences",)),
    (box_repairs.repair_signature_starts, ()),
    (box_repairs.repair_relationship_columns, ("zones",)),
    (box_repairs.repair_entity_marks, ("zones",)),
    (letter_repairs.repair_ad_di_order, ("zones",)),
    (letter_repairs.repair_a_ownership_letters, ("zones",)),
    (amount_repairs.repair_owned_pairs, ("zones",)),
    (letter_repairs.repair_letters_after_titles, ("zones",)),
    (amount_repairs.repair_dollar_prices, ("confidences", "zones")),
    (letter_repairs.repair_lone_ownership_letters, ("confidences", "zones")),
    (letter_repairs.repair_letters_before_natures, ("confidences", "zones")),
    (amount_repairs.repair_holding_amounts, ("confidences", "zones")),
    (amount_repairs.repair_owned_before_letters, ("confidences", "zones")),
    (amount_repairs.repair_dollar_shares, ("zones",)),
    (amount_repairs.repair_owned_letter_runs, ("confidences", "zones")),
    (amount_repairs.repair_owned_after_prices, ("confidences", "zones")),
    (amount_repairs.repair_owned_before_letters_on_line, ("confidences", "zones")),
    (nature_repairs.repair_nature_dates, ("confidences", "zones")),
    (nature_repairs.repair_nature_stacks, ("confidences", "zones")),
    (nature_repairs.repair_plan_numbers, ("confidences", "zones")),
    (letter_repairs.repair_misread_ownership_letters, ("confidences", "zones")),
    (nature_repairs.repair_centred_nature_lines, ("confidences", "zones")),
    (letter_repairs.repair_second_ownership_numbers, ("confidences",)),
    (title_repairs.repair_repeated_title_lines, ("confidences", "zones")),
    (title_repairs.repair_untagged_holding_lines, ("confidences", "zones")),
    (title_repairs.repair_untagged_holding_rows, ("confidences", "zones")),
    (title_repairs.repair_title_words_opening_lines, ("confidences", "zones")),
    (letter_repairs.repair_code_columns, ("confidences", "zones")),
    (letter_repairs.repair_derivative_ad_letters, ("zones",)),
    (letter_repairs.repair_codes_after_dates, ("confidences", "zones")),
    (column_repairs.repair_column_dumps, ("confidences", "zones")),
    (title_repairs.repair_title_columns, ("confidences", "zones")),
    (title_repairs.repair_missing_titles, ("confidences", "zones")),
    (title_repairs.repair_par_values_of_late_titles, ("confidences", "zones")),
    (letter_repairs.repair_lone_codes, ("confidences", "zones")),     # once titles are read: it counts them
    (amount_repairs.repair_date_code_lines, ("confidences", "zones")),
    (letter_repairs.repair_codes_before_dates, ("confidences", "zones")),
    (letter_repairs.repair_codes_glued_to_v, ("confidences", "zones")),
    (letter_repairs.repair_codes_read_as_ad, ("zones",)),     # once the untagged codes are read
    (amount_repairs.repair_stacked_dates, ("confidences", "zones")),
    (amount_repairs.repair_amount_columns, ("confidences", "zones")),
    (amount_repairs.repair_shares_after_codes, ("confidences", "zones")),
    (amount_repairs.repair_owned_after_codes, ("zones",)),
    (amount_repairs.repair_amounts_after_codes, ("confidences", "zones")),
    (amount_repairs.repair_shares_columns, ("confidences", "zones")),
    (amount_repairs.repair_amounts_before_letters, ("confidences", "zones")),
    (amount_repairs.repair_owned_before_ad_letters, ("confidences", "zones")),
    (amount_repairs.repair_derivative_amounts_after_codes, ("confidences", "zones")),
    (amount_repairs.repair_untagged_holdings, ("confidences", "zones")),
    (amount_repairs.repair_untitled_derivative_lines, ("confidences", "zones")),
    (letter_repairs.repair_letter_columns, ("confidences", "zones")),
    (letter_repairs.repair_ad_letter_columns, ("confidences", "zones")),
    (letter_repairs.repair_ownership_letter_columns, ("confidences", "zones")),
    (letter_repairs.repair_letter_runs, ("confidences", "zones")),
    (column_repairs.repair_single_row_cells, ("confidences", "zones")),
    (amount_repairs.repair_amounts_above_rows, ("confidences", "zones")),
    (amount_repairs.repair_month_dates, ("confidences", "zones")),
    (title_repairs.repair_par_value_lines, ("confidences", "zones")),
    (title_repairs.repair_underlying_titles, ("zones",)),
    (title_repairs.repair_underlying_title_columns, ("zones",)),
    (amount_repairs.repair_amounts_read_after_amounts, ("zones",)),
    (amount_repairs.repair_amount_lines_before_dollars, ("zones",)),
    (letter_repairs.repair_second_d_letters, ("zones",)),
    (amount_repairs.repair_amounts_read_as_owned, ("zones",)),
    (amount_repairs.repair_amounts_about_derivative_prices, ("confidences", "zones")),
    (amount_repairs.repair_dates_after_derivative_amounts, ("zones",)),
    (letter_repairs.repair_letters_before_prices, ("zones",)),
    (amount_repairs.repair_dollar_pairs, ("zones",)),
    (amount_repairs.repair_owned_column_ends, ("confidences", "zones")),    # once D/I letters are read: it counts them
    (note_repairs.repair_bare_marks, ("confidences", "lines", "zones")),
    (note_repairs.repair_glyph_marks, ("confidences", "zones")),
    (box_repairs.repair_signature_over_label, ()),
    (box_repairs.repair_remarks_over_signer, ("confidences",)),
    (box_repairs.repair_stray_box_dates, ()),
    (box_repairs.repair_amendment_dates, ("confidences",)),
    (title_repairs.repair_broken_headings, ("lines",)),
    (nature_repairs.repair_natures_after_marks, ()),
    (nature_repairs.repair_stack_heads_after_marks, ("confidences", "zones")),
    (nature_repairs.repair_untagged_stacked_natures, ("confidences", "zones")),
    (nature_repairs.repair_bare_nature_openings, ("confidences", "zones")),
    (amount_repairs.repair_amount_column_after_codes, ("confidences", "zones")),
    (amount_repairs.repair_price_column, ("confidences", "zones")),
    (amount_repairs.repair_owned_before_prices, ("zones",)),
    (amount_repairs.repair_derivative_amounts_read_twice, ("confidences", "zones")),
)


@dataclass
class Model:
    zones: Tagger
    fields: dict    # zone group -> its field Tagger
    template: frozenset     # the form's printed label lines (see train.template_lines)
    speller: Speller        # mends OCR's misread words, knowing the training filings' words
    meta: dict

    @cached_property
    def form_words(self):
        """Words the form prints, from its label lines and the features' lexicon."""
        return form_words(self.template)

    @classmethod
    def load(cls, path):
        path = Path(path)
        missing = [n for n in MODEL_FILES if not (path / n).is_file()]
        if missing == [WORDS]:     # a model trained before the word list existed
            raise Form4Error("E010", path, f"model folder without {WORDS}: write it with "
                             f"`python -m training.word_list {path}`")
        if missing:
            raise Form4Error("E010", path, f"not a form4ml model folder (missing {', '.join(missing)})")
        meta = json.loads((path / META).read_text())
        fields = {group: Tagger(path / name) for group, name in FIELD_MODELS.items()}
        template = frozenset((path / TEMPLATE).read_text().splitlines())
        speller = Speller(json.loads((path / WORDS).read_text()))
        return cls(Tagger(path / ZONE_MODEL), fields, template, speller, meta)


@lru_cache(maxsize=4)
def load_model(path=None):
    """The model in ``path`` (default: the shipped one), opened once per process."""
    return Model.load(path or model_dir())


@dataclass
class Tagged:
    """Everything the taggers saw and said about one text."""
    norm: object
    tokens: list
    lines: list
    zones: list
    tags: list
    confidences: list
    sides: dict         # Table II amounts' A/D sub-columns, {token index: side}

    def pieces(self):
        return tags_to_pieces(self.tokens, self.tags, self.confidences, self.zones, self.norm, self.sides)


def tag(text, model=None, confidence=True, skip_repairs=frozenset()):
    """The text tagged: zones per line, then field tags per token, each mended by the
    repairs in order (``skip_repairs``: names of repairs left out, to measure what each
    one earns: ``training.ablate``)."""
    model = model or load_model()
    norm = normalise(text)
    view = case_view(norm.text, model.form_words)   # what the models see; values come from norm.text
    lines = view.split("\n")
    tokens = tokenize(view)
    zones = repair_trailing_rows(lines, tag_zones(model.zones, lines, tokens), model.template)
    for repair in ZONE_REPAIRS:
        if repair.__name__ not in skip_repairs:
            repair(lines, zones)
    skip = skipped(tokens, zones, lines, model.template)
    feats = tokens_to_features(tokens, lines, zones, skip)
    tags, confs = tag_fields(model.fields, feats, tokens, zones, skip, confidence)
    reads = {"confidences": confs, "zones": zones, "lines": lines}
    for repair, needs in TAG_REPAIRS:
        if repair.__name__ not in skip_repairs:
            repair(tokens, tags, *(reads[name] for name in needs))
    sides = read_sub_columns(tokens, tags, confs, lines, zones)
    return Tagged(norm, tokens, lines, zones, tags, confs, sides)


def extract_text(text, model=None, skip_repairs=frozenset()):
    """The Form 4 record of a text (see shared/spec/record.md); an HTML page is read as
    its scraped text (``html.html_to_text``), which provenance offsets then point into,
    and an ownership XML (or an EDGAR submission holding one) as the XML it is, with no
    provenance: its values stand in no text. ``skip_repairs``: see ``tag``."""
    if is_ownership_xml(text):
        try:
            record = record_of_xml_text(text)
        except ValueError:
            pass        # XML too broken to read: its text goes to the models
        else:
            return {**record, "warnings": warnings(record), "provenance": {}}
    model = model or load_model()
    if is_html(text):
        text = html_to_text(text)
    tagged = tag(text, model, skip_repairs=skip_repairs)
    record = reread_from_text(assemble(tagged.pieces(), model.meta.get("ad_by_code")), text)
    record = model.speller.mend_record(record, text)
    record["warnings"] = record["warnings"] + warnings(record)
    return record
