"""``python -m sent_async.cli``: the ``sent`` command without its console script."""

from ._run import main

raise SystemExit(main())
