"""form4ml: SEC Form 4 records from broken text with a cascade of CRFs.

    from form4ml import extract_text
    record = extract_text(open("filing.txt").read())   # the record of shared/spec/record.md
"""
from .pipeline import extract_text, load_model, tag

__all__ = ["extract_text", "load_model", "tag"]
