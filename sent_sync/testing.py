# Generated from sent_async/testing by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Re-exports ``sent_async.testing``: it has no I/O of its own to wrap."""

from sent_async.testing import *  # noqa: F403
from sent_async.testing import __all__ as __all__
