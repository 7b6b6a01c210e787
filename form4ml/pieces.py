"""What assembly works on: labelled spans (``Piece``), the value they make (``Value``) and
a table row's values (``Row``)."""
import re
from dataclasses import dataclass, field


@dataclass
class Piece:
    label: str
    text: str
    start: int          # offsets in the original text
    end: int
    zone: str
    confidence: float
    begins: bool = True
    line: int = -1      # line of the normalised text the piece stands on
    col: int = -1       # and the column it starts at
    side: str = None    # "A" or "D": the sub-column of Table II's column 5 an amount stands in


@dataclass
class Value:
    pieces: list = field(default_factory=list)

    def add(self, piece):
        self.pieces.append(piece)

    @property
    def texts(self):
        return [p.text for p in self.pieces]

    @property
    def confidence(self):
        return min(p.confidence for p in self.pieces)

    def words(self):
        """The texts, a word cut by a box boundary on one line joined again
        (``SVP, Technology De`` ... ``evelopment`` -> ``...Development``): a continuation
        opening with the letter its piece ended on is that letter read twice."""
        out, prev = [], None
        for p in self.pieces:
            if (out and not p.begins and p.line == prev.line and p.text[:1].islower()
                    and prev.text[-1:].lower() == p.text[:1]):
                out[-1] += p.text[1:]
            else:
                out.append(p.text)
            prev = p
        return out

    def where(self):
        return {"start": min(p.start for p in self.pieces), "end": max(p.end for p in self.pieces),
                "confidence": round(self.confidence, 4)}


@dataclass
class Row:
    table: str                      # "table1" or "table2"
    values: dict = field(default_factory=dict)
    marks: list = field(default_factory=list)
    settled: bool = False           # rebuilt from its block's columns: not to be re-read by place

    def add(self, piece):
        self.values.setdefault(piece.label, Value()).add(piece)

    def wants_new_row(self, piece):
        if not piece.begins:
            return False
        if piece.label == "title":
            return any(k != "title" for k in self.values)
        return piece.label in self.values


MIN_CELL_GAP = 3     # spaces between two cells of a space-aligned line
CELL_GAP = re.compile(" {%d,}" % MIN_CELL_GAP)
