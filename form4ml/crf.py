"""python-crfsuite, trained and applied: the one place the CRF library is touched."""
import pycrfsuite


def train(xseqs, yseqs, path, c1=0.1, c2=0.01, max_iterations=150, verbose=False):
    """Train an L-BFGS CRF on feature/label sequences and write it to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for x, y in zip(xseqs, yseqs):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


class Tagger:
    """A trained CRF opened once; ``tag`` gives labels and each label's marginal."""

    def __init__(self, path):
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, xseq, confidence=True):
        if not xseq:
            return [], []
        self._tagger.set(xseq)
        labels = self._tagger.tag()
        if not confidence:
            return labels, [1.0] * len(labels)
        return labels, [self._tagger.marginal(y, i) for i, y in enumerate(labels)]

    def labels(self):
        return self._tagger.labels()
