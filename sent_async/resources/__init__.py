"""One class per API family; each method is one short coroutine over the transport."""
