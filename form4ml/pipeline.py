"""The whole extraction: text -> normalise -> tokens -> zones -> fields -> record."""
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .assemble import assemble, issuer_before_ticker, ticker_after_issuer
from .cascade import skipped, tag_fields
from .columns import read_sub_columns
from .config import model_dir
from .crf import Tagger
from .errors import Form4Error
from .features import form_words, tokens_to_features
from .fields import (repair_ad_di_order, repair_amounts_above_rows, repair_amounts_after_codes, repair_bare_marks,
                     repair_bracketed, repair_broken_headings, repair_centred_marks, repair_centred_title_words,
                     repair_cities_after_streets, repair_city_prefixes, repair_dollar_amounts, repair_footnote_starts,
                     repair_glued_marks, repair_holding_amounts, repair_interleaved_titles, repair_lone_codes,
                     repair_lone_ownership_letters, repair_marks_below_cells, repair_misread_ownership_letters,
                     repair_month_dates, repair_nature_after_indirect, repair_nature_heads, repair_nature_openings,
                     repair_nature_restarts, repair_note_line_ends, repair_owner_names, repair_untagged_note_lines, repair_par_value_lines,
                     repair_par_value_tails, repair_relationship_columns, repair_repeated_rows,
                     repair_run_on_underlying, repair_second_amounts, repair_signature_over_label,
                     repair_single_row_cells, repair_split_text_cells, repair_split_zip, repair_title_first,
                     repair_title_heads, repair_title_line_heads, repair_underlying_before_dates,
                     repair_underlying_tails, repair_underlying_titles, repair_untagged_title_openings,
                     repair_untitled_rows, repair_wrapped_amounts, repair_wrapped_cells, repair_wrapped_heads,
                     repair_wrapped_marks, tags_to_pieces)
from .labels import ZONE_GROUPS
from .html import html_to_text, is_html
from .normalise import case_view, normalise
from .tokenize import tokenize
from .validate import warnings
from .xml_record import is_ownership_xml, record_of_xml_text
from .zones import (repair_note_lines, repair_owner_rows, repair_signature_lines, repair_stray_table_lines,
                    repair_table2_above_table1, repair_table2_heading, repair_trailing_rows, tag_zones)

ZONE_MODEL, META, TEMPLATE = "zones.crfsuite", "meta.json", "template_lines.txt"
FIELD_MODELS = {group: f"fields_{group}.crfsuite" for group in ZONE_GROUPS}
MODEL_FILES = (ZONE_MODEL, *FIELD_MODELS.values(), TEMPLATE, META)


@dataclass
class Model:
    zones: Tagger
    fields: dict    # zone group -> its field Tagger
    template: frozenset     # the form's printed label lines (see train.template_lines)
    meta: dict

    @cached_property
    def form_words(self):
        """Words the form prints, from its label lines and the features' lexicon."""
        return form_words(self.template)

    @classmethod
    def load(cls, path):
        path = Path(path)
        missing = [n for n in MODEL_FILES if not (path / n).is_file()]
        if missing:
            raise Form4Error("E010", path, f"not a form4ml model folder (missing {', '.join(missing)})")
        meta = json.loads((path / META).read_text())
        fields = {group: Tagger(path / name) for group, name in FIELD_MODELS.items()}
        template = frozenset((path / TEMPLATE).read_text().splitlines())
        return cls(Tagger(path / ZONE_MODEL), fields, template, meta)


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


def tag(text, model=None, confidence=True):
    model = model or load_model()
    norm = normalise(text)
    view = case_view(norm.text, model.form_words)   # what the models see; values come from norm.text
    lines = view.split("\n")
    tokens = tokenize(view)
    zones = repair_trailing_rows(lines, tag_zones(model.zones, lines, tokens), model.template)
    repair_note_lines(lines, zones)
    repair_stray_table_lines(lines, zones)
    repair_table2_heading(lines, zones)
    repair_signature_lines(lines, zones)
    repair_owner_rows(lines, zones)
    repair_table2_above_table1(lines, zones)
    skip = skipped(tokens, zones, lines, model.template)
    feats = tokens_to_features(tokens, lines, zones, skip)
    tags, confs = tag_fields(model.fields, feats, tokens, zones, skip, confidence)
    repair_footnote_starts(tokens, tags, confs, zones)
    repair_note_line_ends(tokens, tags, confs, zones)
    repair_untagged_note_lines(tokens, tags, confs, zones)
    repair_bracketed(tokens, tags, confs)
    repair_split_text_cells(tokens, tags)
    repair_centred_marks(tokens, tags, zones)
    repair_glued_marks(tokens, tags, zones)
    repair_split_zip(tokens, tags, confs)
    repair_city_prefixes(tokens, tags, confs)
    repair_cities_after_streets(tokens, tags)
    repair_owner_names(tokens, tags, confs, lines)
    repair_untitled_rows(tokens, tags, confs, zones)
    repair_untagged_title_openings(tokens, tags, confs, zones)
    repair_par_value_tails(tokens, tags, confs, zones)
    repair_repeated_rows(tokens, tags, confs, zones)
    repair_nature_after_indirect(tokens, tags, confs, zones)
    repair_nature_openings(tokens, tags, confs, zones)
    repair_wrapped_cells(tokens, tags, confs, zones)
    repair_title_first(tokens, tags, confs, zones)
    repair_run_on_underlying(tokens, tags, zones)
    repair_interleaved_titles(tokens, tags, zones)
    repair_underlying_before_dates(tokens, tags, zones)
    repair_second_amounts(tokens, tags, zones)
    repair_dollar_amounts(tokens, tags, zones)
    repair_underlying_tails(tokens, tags, confs, zones)
    repair_title_heads(tokens, tags, confs, zones)
    repair_title_line_heads(tokens, tags, confs, zones)
    repair_centred_title_words(tokens, tags, confs, zones)
    repair_wrapped_heads(tokens, tags, confs, zones)
    repair_nature_heads(tokens, tags, confs, zones)
    repair_nature_restarts(tokens, tags, confs, zones)
    repair_wrapped_marks(tokens, tags, confs, zones)
    repair_marks_below_cells(tokens, tags, confs, zones)
    repair_wrapped_amounts(tokens, tags, confs, zones)
    repair_relationship_columns(tokens, tags, zones)
    repair_ad_di_order(tokens, tags, zones)
    repair_lone_ownership_letters(tokens, tags, confs, zones)
    repair_holding_amounts(tokens, tags, confs, zones)
    repair_misread_ownership_letters(tokens, tags, confs, zones)
    repair_lone_codes(tokens, tags, confs, zones)
    repair_amounts_after_codes(tokens, tags, confs, zones)
    repair_single_row_cells(tokens, tags, confs, zones)
    repair_amounts_above_rows(tokens, tags, confs, zones)
    repair_month_dates(tokens, tags, confs, zones)
    repair_par_value_lines(tokens, tags, confs, zones)
    repair_underlying_titles(tokens, tags, zones)
    repair_bare_marks(tokens, tags, confs, lines, zones)
    repair_signature_over_label(tokens, tags)
    repair_broken_headings(tokens, tags, lines, zones)
    sides = read_sub_columns(tokens, tags, confs, lines, zones)
    return Tagged(norm, tokens, lines, zones, tags, confs, sides)


def extract_text(text, model=None):
    """The Form 4 record of a text (see shared/spec/record.md); an HTML page is read as
    its scraped text (``html.html_to_text``), which provenance offsets then point into,
    and an ownership XML (or an EDGAR submission holding one) as the XML it is, with no
    provenance: its values stand in no text."""
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
    tagged = tag(text, model)
    record = ticker_after_issuer(assemble(tagged.pieces(), model.meta.get("ad_by_code")), text)
    record = issuer_before_ticker(record, text)
    record["warnings"] = warnings(record)
    return record
