# Generated from sent_async/_raw by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twins."""
