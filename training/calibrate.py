"""Temperature scaling: one scalar fitted on validation logits so scores mean what they say."""

from __future__ import annotations

import math

import torch


def fit_temperature(logits: torch.Tensor, gold: torch.Tensor, max_iter: int = 200) -> float:
    """The temperature minimising validation NLL; argmax (and so every label) is unchanged by it."""
    if len(gold) == 0:
        return 1.0
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=max_iter, line_search_fn="strong_wolfe")
    nll = torch.nn.CrossEntropyLoss()
    logits = logits.detach().float()

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = nll(logits / log_t.exp(), gold)
        loss.backward()
        return loss

    opt.step(closure)
    t = float(log_t.exp().item())
    if not math.isfinite(t) or t <= 0:
        return 1.0
    return min(max(t, 0.05), 20.0)
