"""The test suite: FakeSent-backed tests per API family, fault servers under faults/."""
