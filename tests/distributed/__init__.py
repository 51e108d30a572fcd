"""Tests of sent_async.distributed against a real redis-server started per test session."""
