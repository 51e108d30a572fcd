"""Network tests: proxies (a real tinyproxy), TLS with a test CA, tracing, network options."""
