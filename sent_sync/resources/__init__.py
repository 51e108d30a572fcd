# Generated from sent_async/resources by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twins."""
