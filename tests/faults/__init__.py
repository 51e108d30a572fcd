"""Fault tests: small servers that misbehave on purpose, and hygiene checks after each test."""
