"""Pieces as the field CRFs give them, shared by the tests of the stages after tagging."""
from form4ml.pieces import Piece


def owner_pieces(name="Hogan Kathleen T.", title=None, flag=None):
    """Box 1's name, box 5's mark ``flag`` and officer title as the CRF's pieces."""
    pieces = [Piece("owner_name", name, 0, len(name), "owner", 0.9, True)]
    pieces += [Piece(flag, "X", 0, 1, "owner", 0.9, True)] if flag else []
    return pieces + ([Piece("officer_title", title, 0, len(title), "owner", 0.9, True)] if title else [])
