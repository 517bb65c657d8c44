"""Routing stages: subscriptions and patterns to destinations, story clusters, bursts, digests."""
