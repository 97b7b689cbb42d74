import numpy as np
import torch

from evaluation.metrics import expected_calibration_error
from training.calibrate import crossfit_probs, fit_temperature


def test_overconfident_logits_get_softened_and_nll_drops() -> None:
    g = torch.Generator().manual_seed(0)
    n = 2000
    gold = torch.randint(0, 3, (n,), generator=g)
    logits = torch.randn(n, 3, generator=g)
    logits[torch.arange(n), gold] += 1.0  # right about 60% of the time ...
    logits *= 6.0  # ... but sure of itself
    t = fit_temperature(logits, gold)
    nll = torch.nn.CrossEntropyLoss()
    assert t > 2.0
    assert nll(logits / t, gold) < nll(logits, gold)
    before = expected_calibration_error(torch.softmax(logits, -1).numpy(), gold.numpy())
    after = expected_calibration_error(torch.softmax(logits / t, -1).numpy(), gold.numpy())
    assert after < before / 2


def test_ece_of_perfectly_calibrated_and_of_confident_wrong() -> None:
    probs = np.array([[0.5, 0.5, 0.0]] * 4)
    gold = np.array([0, 1, 0, 1])
    assert expected_calibration_error(probs, gold) == 0.0
    assert expected_calibration_error(np.array([[1.0, 0.0, 0.0]]), np.array([1])) == 1.0


def test_crossfit_scores_each_half_with_the_other_halfs_temperature() -> None:
    g = torch.Generator().manual_seed(1)
    n = 1000
    gold = torch.randint(0, 3, (n,), generator=g)
    logits = torch.randn(n, 3, generator=g)
    logits[torch.arange(n), gold] += 1.0
    logits *= 5.0
    probs = crossfit_probs(logits, gold)
    assert torch.allclose(probs.sum(-1), torch.ones(n))
    even = torch.arange(n) % 2 == 0
    t_odd = fit_temperature(logits[~even], gold[~even])
    assert torch.allclose(probs[even], torch.softmax(logits[even] / t_odd, -1))
    before = expected_calibration_error(torch.softmax(logits, -1).numpy(), gold.numpy())
    assert expected_calibration_error(probs.numpy(), gold.numpy()) < before / 2
