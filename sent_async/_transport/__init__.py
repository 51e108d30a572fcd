"""The transport: everything between a resource method and the wire, for one logical call.

``core`` (what a root client shares: session, slots, retry budget, gate), ``call`` (the steps
of one call), ``http`` (one exchange and its failures), ``envelope`` (body -> data or error),
``retry`` (``RetryPolicy`` and the pure ``decide()``), ``gate`` (the client-wide 429 pause) and
``slots`` (attempts on the wire). It knows no endpoint: resources pass method, path and models.
"""
