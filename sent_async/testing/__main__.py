"""``python -m sent_async.testing``: run FakeSent as a standalone server (see ``_serve``)."""

from ._serve import serve_main

raise SystemExit(serve_main())
