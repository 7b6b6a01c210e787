"""python-crfsuite, trained and applied: the one place the CRF library is touched."""
import pycrfsuite


def train(xseqs, yseqs, path, c1=0.1, c2=0.01, max_iterations=150, verbose=False, algorithm="lbfgs"):
    """Train a CRF on feature/label sequences and write it to ``path``.

    ``lbfgs`` (with c1/c2) is the accurate choice; ``ap`` (averaged perceptron)
    trains many times faster on a large corpus."""
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=verbose)
    for x, y in zip(xseqs, yseqs):
        trainer.append(x, y)
    params = {"max_iterations": max_iterations, "feature.minfreq": 2}
    if algorithm == "lbfgs":
        params.update({"c1": c1, "c2": c2})
    trainer.set_params(params)
    trainer.train(str(path))


class Tagger:
    """A trained CRF opened once; ``tag`` gives labels and each label's marginal (None
    for ``O``: no field is made of those, so their marginals are not worth computing)."""

    def __init__(self, path):
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, xseq, confidence=True):
        if not xseq:
            return [], []
        self._tagger.set(pycrfsuite.ItemSequence(xseq))   # faster than handing it the lists
        labels = self._tagger.tag()
        if not confidence:
            return labels, [1.0] * len(labels)
        marginal = self._tagger.marginal
        return labels, [None if y == "O" else marginal(y, i) for i, y in enumerate(labels)]
