"""``sent``: the command line of the SDK (docs/cli.md), a console script running ``main``.

Stdlib argparse over ``AsyncSent`` under ``anyio.run`` (``sent_async`` never imports the sync
facade), so the CLI adds no dependency. ``sent fake`` runs ``python -m sent_async.testing``.
"""

from ._run import main

__all__ = ["main"]
