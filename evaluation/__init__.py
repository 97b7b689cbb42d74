"""Evaluation of stance models and of segmentation, built on the `stance` library."""
