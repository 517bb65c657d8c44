"""Per-language summarizer rules as data: a package per language, a module per concern."""
