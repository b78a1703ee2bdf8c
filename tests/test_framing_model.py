"""The technique model's run-time path: features and tagger outputs that do not depend on batching,
the classifier ensemble, and the report fields of the framing stage in the schema."""

from __future__ import annotations

import copy
import json

import jsonschema
import numpy as np
import pytest
import torch

from claimledger.document import Document, Metadata
from claimledger.errors import SetupError
from claimledger.framing.encoder import FEATURES, MiniLM, model_dir, quantized_net
from claimledger.framing.heads import article_probabilities, head_classes, si_probabilities
from claimledger.framing.model import CARD, HEADS, RESOURCES, TechniqueModel, load_model
from claimledger.framing.ptc import LABELS
from claimledger.pipeline import Pipeline
from claimledger.report.json import report_schema, to_report

SHORT = "The Kiev regime lied again. Everyone knows it."
LONG = " ".join(f"Sentence {n} says that the corrupt elite betrayed the nation once more." for n in range(60))


@pytest.fixture(scope="module")
def encoder() -> MiniLM:
    return MiniLM()


def test_a_texts_features_do_not_depend_on_the_texts_encoded_with_it(encoder: MiniLM):
    alone = encoder.encode(SHORT)
    together = encoder.encode_many([LONG, SHORT])
    assert len(together[0].windows) > 1  # the long text spans several windows
    assert np.array_equal(alone.features, together[1].features)
    assert alone.features.shape == (len(alone), FEATURES)


def test_int8_encoder_gives_the_quantized_modules_features_bit_for_bit(encoder: MiniLM):
    """The heads were trained on the module's features: the faster forward must not move one bit."""
    directory = model_dir()
    config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    reference = quantized_net(directory / "model.safetensors", config)
    enc = encoder.tokenizer.encode(LONG, add_special_tokens=False)
    with torch.inference_mode():
        for window in (enc.ids[:254], enc.ids[254:300], enc.ids[:3]):
            assert np.array_equal(encoder.net(window), reference(window)[0])


def test_windows_of_a_long_text_cover_it_in_order(encoder: MiniLM):
    enc = encoder.encode(LONG)
    assert enc.windows[0][0] == 0
    assert enc.windows[-1][1] == len(enc)
    assert all(a[1] == b[0] for a, b in zip(enc.windows, enc.windows[1:], strict=False))


def test_tagger_output_for_a_window_does_not_depend_on_its_batch_mates():
    tagger_cls, _ = head_classes()
    torch.manual_seed(0)
    taggers = [tagger_cls().eval(), tagger_cls().eval()]
    rng = np.random.default_rng(0)
    short = rng.normal(size=(7, FEATURES)).astype(np.float32)
    long = rng.normal(size=(40, FEATURES)).astype(np.float32)
    alone = si_probabilities(taggers, [short])[0]
    batched = si_probabilities(taggers, [long, short])
    assert [len(p) for p in batched] == [40, 7]
    np.testing.assert_allclose(alone, batched[1], atol=1e-6)


def test_tagger_inference_path_gives_the_training_forwards_logits():
    tagger_cls, _ = head_classes()
    torch.manual_seed(2)
    tagger = tagger_cls().eval()
    rng = np.random.default_rng(2)
    lengths = torch.tensor([9, 30, 1, 17])
    x = torch.from_numpy(rng.normal(size=(4, 30, FEATURES)).astype(np.float32))
    with torch.inference_mode():
        trained, fast = tagger(x, lengths), tagger.infer(x, lengths)
    for row, n in enumerate(lengths.tolist()):
        torch.testing.assert_close(fast[row, :n], trained[row, :n], atol=1e-5, rtol=0)


def test_article_probabilities_splits_the_batch_back_per_article():
    tagger_cls, _ = head_classes()
    tagger = tagger_cls().eval()
    rng = np.random.default_rng(1)
    first = rng.normal(size=(30, FEATURES)).astype(np.float32)
    second = rng.normal(size=(5, FEATURES)).astype(np.float32)
    probs = article_probabilities([tagger], [(first, [(0, 20), (20, 30)]), (second, [(0, 5)])])
    assert [len(p) for p in probs] == [30, 5]
    assert all(((p >= 0) & (p <= 1)).all() for p in probs)


def test_shipped_model_labels_spans_with_its_classifier_ensemble():
    model = load_model()
    assert len(model.classifiers) == model.card["classifiers"] >= 1
    text = "The corrupt, treasonous elite lied to you again, and only a fool would believe them."
    enc = model.encoder.encode(text)
    ranked = model.classify(text, enc, [(0, len(text))])[0]
    assert sorted(label for label, _ in ranked) == sorted(LABELS)
    assert sum(p for _, p in ranked) == pytest.approx(1.0, abs=1e-4)


def test_heads_trained_on_another_encoder_variant_are_refused_with_the_fix(tmp_path):
    card = json.loads((RESOURCES / CARD).read_text(encoding="utf-8"))
    card["encoder"] = "minilm-int8-layers3-6-windows-v4"  # the 254-piece windows' heads
    (tmp_path / CARD).write_text(json.dumps(card), encoding="utf-8")
    (tmp_path / HEADS).write_bytes((RESOURCES / HEADS).read_bytes())
    with pytest.raises(SetupError, match="make train-techniques"):
        TechniqueModel(tmp_path)


def test_report_schema_declares_the_technique_fields_and_framing_summary(pipeline: Pipeline):
    doc = pipeline(Document("The Kiev regime shelled the town, the orcs fled.", Metadata(language="en")))
    report = to_report(doc)
    schema = report_schema()
    jsonschema.validate(report, schema)
    term = next(t for t in report["techniques"] if t["neutral"])
    assert term["source"] in {"lexicon", "model+lexicon"}
    assert term["side"] == "russia"
    bad = copy.deepcopy(report)
    bad["techniques"][0]["source"] = "guesswork"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    bad = copy.deepcopy(report)
    bad["framing"]["per_1000_words"] = "many"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    jsonschema.validate({**report, "framing": None}, schema)
