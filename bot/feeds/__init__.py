"""Feed stages: fetch, parse (fast path, assembly, cleaning), identity, full text, HTML to text,
OPML, poll schedule."""
