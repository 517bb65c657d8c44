"""English summarizer rules (word lists and patterns), read by the language-neutral code."""
