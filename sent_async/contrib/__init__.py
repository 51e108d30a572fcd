"""Adapters that run bulk jobs on existing task queues (each behind its own extra).

``sent_async.contrib.celery`` (``sent-sdk[celery]``) runs time-boxed shards as Celery tasks
under the shared Redis limit; ``sent_async.contrib.taskiq`` (``sent-sdk[taskiq]``) runs them as
taskiq tasks on a Redis Streams broker. Nothing here is imported by ``sent_async`` itself. See
docs/distributed.md.
"""
