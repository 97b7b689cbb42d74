"""Training stance models from YAML configs, built on the `stance` library."""
