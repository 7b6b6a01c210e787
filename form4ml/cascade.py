"""The field CRFs of the cascade: a document's tokens split by the zone group of their
line, each group labelled by its own CRF, the labels put back in text order."""
from .labels import GROUP_OF_ZONE


def group_indices(tokens, zones):
    """{group: indices of the tokens whose line lies in one of the group's zones}."""
    out = {}
    for i, t in enumerate(tokens):
        out.setdefault(GROUP_OF_ZONE[zones[t.line]], []).append(i)
    return out


def tag_fields(taggers, feats, tokens, zones, confidence=True):
    """Tags and confidences for all tokens, each zone group tagged by ``taggers[group]``."""
    tags, confs = ["O"] * len(tokens), [1.0] * len(tokens)
    for group, idx in group_indices(tokens, zones).items():
        group_tags, group_confs = taggers[group].tag([feats[i] for i in idx], confidence)
        for i, tag, conf in zip(idx, group_tags, group_confs):
            tags[i], confs[i] = tag, conf
    return tags, confs
