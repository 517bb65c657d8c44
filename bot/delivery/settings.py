"""The base of every configuration section, the core's and each adapter's own."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    """A section of the configuration file: every key typed, with a default and a validator,
    and no unknown key. An adapter's own settings model (its registry entry's ``settings``)
    is one, read from the section named after the adapter."""

    model_config = ConfigDict(extra="forbid")
