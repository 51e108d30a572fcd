# Generated from sent_async by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Raw-response views (``client.with_raw_response``), one module per source."""
