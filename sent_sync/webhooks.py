# Generated from sent_async/webhooks by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Re-exports ``sent_async.webhooks``: it has no I/O of its own to wrap."""

from sent_async.webhooks import *  # noqa: F403
from sent_async.webhooks import __all__ as __all__
