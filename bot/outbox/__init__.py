"""Exactly-once delivery: the outbox worker and its pacing."""
