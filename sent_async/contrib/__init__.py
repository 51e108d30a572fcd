"""Adapters that run bulk jobs on existing task queues (each behind its own extra).

``sent_async.contrib.celery`` (``sent-sdk[celery]``) runs time-boxed shards as Celery tasks
under the shared Redis limit. Nothing here is imported by ``sent_async`` itself. See
docs/distributed.md.
"""
