"""Finding and reading the configuration file: where it is (explicit, ./config, the XDG
directory), YAML with every duplicate key refused, paths relative to the file, every schema
problem at once. The settings it is read into are bot.config's; only the CLI reads a file."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_settings import SettingsError

from bot.config import DEFAULT_CONFIG, Settings, settings_model
from bot.errors import ConfigError


def xdg_config_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "newsbrief" / "newsbrief.yaml"


@dataclass
class ConfigLocation:
    """Which configuration file is used and why, or where none was found."""

    path: Path | None  # None: no file, defaults and the environment only
    source: str  # "--config", "NEWSBRIEF_CONFIG", "./config/newsbrief.yaml", "XDG config dir"
    searched: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        if self.path is not None:
            return f"{self.path.resolve()} (from {self.source})"
        looked = ", ".join(str(p.resolve()) for p in self.searched)
        return f"none found (looked at {looked}; set --config or NEWSBRIEF_CONFIG)"


def locate_config(explicit: Path | None = None) -> ConfigLocation:
    """--config, then NEWSBRIEF_CONFIG (both must exist), then ./config/newsbrief.yaml, then
    $XDG_CONFIG_HOME/newsbrief/newsbrief.yaml (~/.config by default)."""
    if explicit is not None:
        return ConfigLocation(explicit, "--config")
    if os.environ.get("NEWSBRIEF_CONFIG"):
        return ConfigLocation(Path(os.environ["NEWSBRIEF_CONFIG"]), "NEWSBRIEF_CONFIG")
    searched = [DEFAULT_CONFIG, xdg_config_file()]
    for path, source in zip(searched, ("./config/newsbrief.yaml", "XDG config dir"),
                            strict=True):
        if path.is_file():
            return ConfigLocation(path, source, searched)
    return ConfigLocation(None, "defaults", searched)


class DuplicateKey(yaml.YAMLError):
    pass


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key written twice in one mapping: plain PyYAML keeps
    the last silently, and the operator who wrote both meant one of them."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    first_line: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            seen = first_line.setdefault(key, key_node.start_mark.line + 1)
        except TypeError:  # an unhashable key: construct_mapping says so below
            continue
        if seen != key_node.start_mark.line + 1:
            raise DuplicateKey(f"{key!r} is written twice in one section (lines {seen} and "
                               f"{key_node.start_mark.line + 1}): keep one")
    return loader.construct_mapping(node, deep=True)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def _error_key(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def _resolve_local_feeds(data: dict[str, Any], base: Path) -> None:
    """A feed given as a plain path is a local file, relative to the configuration file."""
    for feed in data.get("feeds") or []:
        url = feed.get("url") if isinstance(feed, dict) else None
        if isinstance(url, str) and url and not re.match(r"^[a-z][a-z0-9+.-]*://", url):
            feed["url"] = (base / url).resolve().as_uri()


def _resolve_data_dir(data: dict[str, Any], base: Path) -> Path | None:
    """A relative data_dir written in the file is relative to the file, as feed paths are: one
    configuration means one database, whichever directory the bot is started from. Returns
    where a relative one pointed before this rule (the working directory), else None."""
    value = data.get("data_dir")
    if not isinstance(value, str) or not value:
        return None
    written = Path(value).expanduser()
    data["data_dir"] = str(base / written)  # an absolute one stays
    return None if written.is_absolute() else Path.cwd() / written


def moved_database(settings: Settings) -> str | None:
    """Why the configured SQLite database must not be created, or None: the file has no
    database where data_dir now points, but the old rule's place (the working directory) has
    one. Starting afresh there would repost every feed's newest items and lose the feeds and
    subscriptions added in chat, so the operator chooses, once, by writing the path."""
    before = settings._data_dir_before
    if before is None or settings.database.url:
        return None
    new, old = settings.data_dir / "newsbrief.db", before / "newsbrief.db"
    if new.exists() or not old.exists() or new.resolve() == old.resolve():
        return None
    return (f"no database at {new.resolve()} (a relative data_dir is now read from the "
            f"configuration file's folder) but one at {old.resolve()}, where it used to point: "
            f"set data_dir: {before.resolve()} to keep using it (or move that folder)")


def _bad_json_variable(message: str) -> str:
    """pydantic-settings names only the section; find the variable whose value is not JSON."""
    section = message.split('"')[1] if message.count('"') >= 2 else ""
    prefix = f"NEWSBRIEF_{section.upper()}"
    for name, value in os.environ.items():
        if not name.startswith(prefix):
            continue
        field_info = settings_model().model_fields.get(section)
        key = name.removeprefix(prefix).removeprefix("__").lower()
        if key and field_info is not None and isinstance(field_info.annotation, type) \
                and issubclass(field_info.annotation, BaseModel):
            field_info = field_info.annotation.model_fields.get(key)
        wants_json = field_info is not None and str(field_info.annotation).startswith(
            ("list", "dict", "typing.List", "typing.Dict"))
        try:
            json.loads(value)
        except ValueError:
            if wants_json or value.lstrip()[:1] in "[{":
                return name
    return prefix if section else "environment"


def load_settings(path: Path | None = None, *, required: bool = False) -> Settings:
    """Read and validate the configuration. Raises ConfigError naming the first bad key."""
    path = path or Path(os.environ.get("NEWSBRIEF_CONFIG", DEFAULT_CONFIG))
    data: Any = {}
    if path.exists():
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ConfigError(str(path), "not UTF-8 text (save the file as UTF-8)") from None
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read it: {exc.strerror or exc}") from None
        try:
            data = yaml.load(raw, Loader=_UniqueKeyLoader) or {}  # a SafeLoader subclass
        except DuplicateKey as exc:
            raise ConfigError(str(path), str(exc)) from None
        except yaml.YAMLError as exc:
            raise ConfigError(str(path), f"not valid YAML: {exc}") from None
        except RecursionError:  # PyYAML composes recursively: a hostile file nests 5,000 deep
            raise ConfigError(str(path), "nested too deeply to be a configuration") from None
        if not isinstance(data, dict):
            raise ConfigError(str(path), "the top level must be a mapping of sections")
    elif required:
        raise ConfigError(str(path), "file not found")
    _resolve_local_feeds(data, path.resolve().parent)
    before = _resolve_data_dir(data, path.resolve().parent)
    try:
        settings = settings_model()(**data)
    except SettingsError as exc:  # an environment value that is not the JSON a list needs
        raise ConfigError(_bad_json_variable(str(exc)),
                          "not valid JSON (write a list as '[\"a\", \"b\"]')") from None
    except ValidationError as exc:
        problems = [(_error_key(error["loc"]), _problem(error)) for error in exc.errors()]
        raise ConfigError(*problems[0], more=problems[1:]) from None
    if before is not None and str(settings.data_dir) == data["data_dir"]:  # not from the env
        settings._data_dir_before = before
    return settings


def _problem(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key (a typo?)"
    message: str = error["msg"].removeprefix("Value error, ")
    return message
