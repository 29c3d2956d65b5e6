"""Benchmarks that run inside the project (`goglobal bench ...`)."""
