"""Per-language summarizer rules as data: a package per language, a module per concern."""

# Closing quotes and brackets that may follow a sentence's terminal mark, in any language.
CLOSERS = "\"'”’)]»」』"
