"""Bulk jobs: one SDK call per item over a large input, bounded, paced and resumable.

``client`` (the ``client.bulk`` surface), ``job`` (the engine), ``options``, ``stream``,
``report``, ``progress`` and ``pacer`` (the job's token bucket, 429 pause and AIMD).
"""
