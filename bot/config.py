"""Configuration: one YAML file, overridable from NEWSBRIEF_<SECTION>__<KEY>, validated once at
start-up into typed settings. Secrets are never configuration: they come from the environment."""

from __future__ import annotations

import functools
import ipaddress
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    SecretStr,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot import USER_AGENT
from bot.delivery import AdapterInputs, Suggest, registry
from bot.delivery.settings import Section
from bot.errors import ConfigError
from bot.feeds.rules import CONFIG_SCHEMES, url_problem

DEFAULT_CONFIG = Path("config/newsbrief.yaml")
DATABASE_PASSWORD = "NEWSBRIEF_DATABASE_PASSWORD"  # fills database.url's password (see below)


class DatabaseSettings(Section):
    # None means SQLite in data_dir; PostgreSQL: postgresql+psycopg://user@host/db
    url: str | None = None
    echo: bool = False
    # PostgreSQL: connections each process keeps open (5 more come and go for the dashboard and
    # commands). None: polling.concurrency + 1, at most POOL_SIZE_CAP (bot.store.db).
    pool_size: int | None = None

    @field_validator("pool_size")
    @classmethod
    def _pool_size(cls, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= 500:
            raise ValueError(f"{value} connections: give 1 to 500 (each is a PostgreSQL "
                             "server process; max_connections is 100 by default)")
        return value

    @model_validator(mode="after")
    def _password_from_secret(self) -> DatabaseSettings:
        # The password is a secret, so it can stay out of the URL (which `docker inspect`
        # shows): NEWSBRIEF_DATABASE_PASSWORD, or the file NEWSBRIEF_DATABASE_PASSWORD_FILE
        # names (a Docker secret), fills in a URL that names a user and no password.
        password = read_secret(DATABASE_PASSWORD) if self.url else None
        if password and self.url:
            self.url = _with_password(self.url, password)
        return self


def _with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    user, at, host = parts.netloc.rpartition("@")
    if not at:
        raise ValueError(f"{DATABASE_PASSWORD} is set but the URL names no user "
                         "(write postgresql+psycopg://USER@host/db)")
    if ":" in user:  # the URL carries its own password: it wins, as the environment would
        return url
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


class NetworkSettings(Section):
    allow_private: list[str] = Field(default_factory=list)  # CIDRs that may be fetched anyway
    connect_timeout: float = Field(10.0, gt=0)
    total_timeout: float = Field(30.0, gt=0)
    max_body_bytes: int = Field(5_000_000, gt=1024)
    per_host_concurrency: int = Field(2, ge=1, le=32)
    user_agent: str = USER_AGENT

    @field_validator("allow_private")
    @classmethod
    def _cidrs(cls, value: list[str]) -> list[str]:
        for cidr in value:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError as exc:
                raise ValueError(f"{cidr!r} is not a CIDR network") from exc
        return value


class PollingSettings(Section):
    interval: float = Field(900, ge=10, description="seconds between polls of one feed")
    min_interval: float = Field(60, ge=1)
    max_interval: float = Field(86_400, ge=60)
    tick: float = Field(15, gt=0, description="how often the scheduler asks for due feeds")
    concurrency: int = Field(16, ge=1, le=256)
    max_failures: int = Field(10, ge=1)
    max_backoff: float = Field(86_400, ge=60)
    backfill: int = Field(3, ge=0, le=100)
    max_items_per_feed: int = Field(500, ge=1)
    max_item_age_days: float = Field(7, gt=0)


class FeedSettings(Section):
    url: str
    title: str | None = None
    tags: list[str] = Field(default_factory=list)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        # the rules of every door (bot.feeds.rules), with file:// for the operator's own file
        problem = url_problem(value, schemes=CONFIG_SCHEMES)
        if problem:
            raise ValueError(problem)
        return value


class OpenAISettings(Section):
    # Any OpenAI-compatible server: OpenAI, vLLM, Ollama, llama.cpp (docs/SUMMARIZER.md).
    base_url: str = "https://api.openai.com/v1"
    model: str = "gpt-4o-mini"
    api_key_env: str = "OPENAI_API_KEY"  # unset variable: no key is sent (local servers)
    timeout: float = Field(30, gt=0)
    retries: int = Field(2, ge=0, le=10)  # on timeouts, 429 and 5xx, after Retry-After
    concurrency: int = Field(4, ge=1, le=64)  # requests in flight at once
    # spent: extractive briefs until midnight UTC; 0: no limit
    daily_token_budget: int = Field(200_000, ge=0)
    daily_call_budget: int = Field(0, ge=0)  # 0: no limit


class SummarizerSettings(Section):
    # "llm" (or its older name "openai"): model-written briefs, checked, extractive fallback
    kind: Literal["extractive", "llm", "openai"] = "extractive"
    points: int = Field(3, ge=1, le=5)
    max_point_chars: int = Field(300, ge=80, le=1000)
    full_text: bool = True
    openai: OpenAISettings = Field(default_factory=OpenAISettings)


class TagSettings(Section):
    max: int = Field(5, ge=0, le=20)
    aliases: dict[str, list[str]] = Field(default_factory=dict)


class SubscriptionSettings(Section):
    # A name in bot.filters.kinds (tag, feed, keyword, pattern, all), checked against its table
    # rather than a Literal here, so that a new kind is one entry there and nothing else.
    kind: str = "all"
    value: str = ""
    exclude: bool = False
    mode: Literal["instant", "digest"] = "instant"
    # a Discord role id or a Slack user group id (S…) that matching instant briefs mention
    mention: str | None = Field(None, pattern=r"^[A-Za-z0-9]{1,32}$")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        # the kinds table with RE2 (google-re2): 0.05 G instructions, loaded only when a
        # subscription is read, which `summarize` and `brief` never do
        from bot.filters import kinds

        if kinds.get(value) is None:
            raise ValueError(kinds.unknown(value))
        return value

    @model_validator(mode="after")
    def _value(self) -> SubscriptionSettings:
        from bot.filters import kinds  # as above: RE2 only when subscriptions exist

        try:  # refused at start-up (a bad pattern), not silently matching nothing later
            self.value = kinds.require(self.kind).validate(self.value)
        except kinds.KindError as exc:
            raise ValueError(str(exc)) from None
        return self


class DestinationSettings(Section):
    ref: str
    timezone: str = "UTC"
    locale: str = "en"
    webhook_url: str | None = None
    # A webhook URL is a credential: name the environment variable that holds it (or NAME_FILE,
    # a file such as a Docker secret) instead of writing it into the YAML.
    webhook_url_env: str | None = None
    digest_time: str | None = None  # HH:MM in the destination's timezone
    digest_days: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4, 5, 6])
    urgent_tags: list[str] = Field(default_factory=list)
    updates: bool = False  # reply "Updated: …" under a posted brief whose article changed
    # the layout of its briefs: a preset (default, compact, headlines, plain) or a template,
    # "text: {headline} {link}" (bot.delivery.template); unset keeps what chat or the dashboard set
    template: str | None = None
    why_footer: bool = False  # end each brief with "Sent because …" (also /settings why on)
    subscriptions: list[SubscriptionSettings] = Field(default_factory=list)

    @field_validator("ref")
    @classmethod
    def _ref(cls, value: str) -> str:
        known = registry.registry()  # the adapter registry says which prefixes exist
        if any(value == entry.name and entry.bare_ref for entry in known):
            value += ":"  # "console:" needs quotes in YAML; accept it bare
        if value.split(":", 1)[0] not in {entry.name for entry in known} or ":" not in value:
            examples = [entry.ref_example for entry in known]
            raise ValueError(f"must look like {', '.join(examples[:-1])} or {examples[-1]}")
        return value

    @model_validator(mode="after")
    def _webhook_from_env(self) -> DestinationSettings:
        if self.webhook_url_env and not self.webhook_url:
            self.webhook_url = read_secret(self.webhook_url_env)
            if not self.webhook_url:
                raise ValueError(f"webhook_url_env names {self.webhook_url_env}, which is not "
                                 f"set (nor {self.webhook_url_env}_FILE)")
        return self

    @field_validator("template")
    @classmethod
    def _template(cls, value: str | None) -> str | None:
        if value is None:
            return None
        # the layouts' parser, only for a destination that sets one: light, but its import is
        # about 29 M instructions (callgrind), which every chat command would pay (issue 26)
        from bot.delivery import template

        return template.layout(value).source  # TemplateError

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @field_validator("digest_time", mode="before")
    @classmethod
    def _unquoted_hhmm(cls, value: Any) -> Any:
        # YAML 1.1 reads an unquoted 8:00 as the base-60 number 480: it can only mean 08:00
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return f"{value // 60:02d}:{value % 60:02d}"
        return value

    @field_validator("digest_time")
    @classmethod
    def _hhmm(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            raise ValueError("must be HH:MM (24-hour)")
        return value


class DeliverySettings(Section):
    max_attempts: int = Field(8, ge=1)
    burst_threshold: int = Field(8, ge=2, description="new items from one feed in one poll "
                                 "above which they are folded into one message")
    empty_digest_note: bool = False
    # where notices for the operator go (a feed disabled after repeated failures, when no
    # channel added it): one of the destinations' refs; default: the console, if it is one
    admin_destination: str | None = None
    digest_stories: int = Field(10, ge=1, le=50, description="stories a digest shows; the "
                                "rest are counted, and /digest more shows them")
    held_max_age_hours: float = Field(72.0, gt=0, description="messages held for a paused "
                                      "destination longer than this are dropped (counted)")


class HealthSettings(Section):
    # /healthz, /readyz, /metrics, served at host:port only. Slack's HTTP-mode listener is
    # public (0.0.0.0), so it carries them only when the operator opts in.
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(9108, ge=0, le=65535)
    on_slack_listener: bool = False


class OAuthProviderSettings(Section):
    # One sign-in provider of the dashboard, named by the adapter package that implements it.
    # Its client secret comes from the environment variable the provider names.
    client_id: str
    base_url: str | None = None  # the provider's OAuth and API host; None: the real one


class DashboardSettings(Section):
    # The web dashboard, served by the bot itself. Off unless configured: the default
    # config/newsbrief.yaml turns it on at 127.0.0.1, so `make run` prints its URL.
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(8108, ge=0, le=65535)
    public_url: str | None = None  # how browsers reach it (OAuth redirects); None: host:port
    session_hours: float = Field(12, gt=0, le=24 * 30)
    secure_cookies: bool = False  # set when served over HTTPS (behind a proxy)
    oauth: dict[str, OAuthProviderSettings] = Field(default_factory=dict)


class LimitSettings(Section):
    # What one channel's admins can make the bot do, so a public install cannot be turned into
    # a crawler or a spam cannon by one server.
    feeds_per_channel: int = Field(100, ge=1)
    feeds_per_server: int = Field(300, ge=1)  # a Discord guild or Slack workspace
    subscriptions_per_destination: int = Field(50, ge=1)
    subscriptions_per_server: int = Field(500, ge=1)


class LoggingSettings(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    json_lines: bool = Field(False, alias="json")


class Settings(BaseSettings):
    """The core's sections. ``load_settings`` reads the file into ``settings_model()``, this
    with each registered adapter's own section composed in under the adapter's name."""

    model_config = SettingsConfigDict(env_prefix="NEWSBRIEF_", env_nested_delimiter="__",
                                      extra="forbid", populate_by_name=True)

    data_dir: Path = Path("data")
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    network: NetworkSettings = Field(default_factory=NetworkSettings)
    polling: PollingSettings = Field(default_factory=PollingSettings)
    feeds: list[FeedSettings] = Field(default_factory=list)
    summarizer: SummarizerSettings = Field(default_factory=SummarizerSettings)
    tags: TagSettings = Field(default_factory=TagSettings)
    destinations: list[DestinationSettings] = Field(default_factory=list)
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    dashboard: DashboardSettings = Field(default_factory=DashboardSettings)
    # Whose feeds a server may read (SECURITY.md): "isolated", a feed added in chat reaches only
    # the servers that added it (the configuration's feeds reach every server); "shared", every
    # feed reaches every server, for an install that serves one community. Unset: isolated,
    # except an install upgraded across migration 0010, which stays shared until this is set.
    tenancy: Literal["isolated", "shared"] | None = None
    # Where a relative data_dir in the file pointed before it was read against the file's folder
    # (against the working directory): set by load_settings, read by moved_database.
    _data_dir_before: Path | None = PrivateAttr(default=None)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment overrides the YAML file, which arrives as init arguments.
        return (env_settings, init_settings)

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite+aiosqlite:///{self.data_dir / 'newsbrief.db'}"


def settings_model(sections: Mapping[str, type[BaseModel]] | None = None) -> type[Settings]:
    """``Settings`` with each adapter's section composed in (the registry's, by default), so
    the file is validated once, the adapters' keys with the core's."""
    chosen = registry.sections() if sections is None else sections
    return _composed(tuple(chosen.items()))


@functools.lru_cache(maxsize=8)
def _composed(sections: tuple[tuple[str, type[BaseModel]], ...]) -> type[Settings]:
    if not sections:
        return Settings
    for name, _model in sections:
        if name in Settings.model_fields:
            raise ConfigError(name, "an adapter's section cannot share a core section's name")
    fields: dict[str, Any] = {name: (model, Field(default_factory=model))
                              for name, model in sections}
    composed: type[Settings] = create_model("Settings", __base__=Settings, **fields)
    return composed


def adapter_inputs(settings: Settings, secrets: Secrets, name: str,
                   suggest: Suggest | None = None) -> AdapterInputs:
    """What adapter ``name`` is built from: its own section, the secrets it declares (no
    other), the networks the operator lets the bot reach, and the command core's autocomplete."""
    entry = registry.spec(name)
    declared = set(entry.reads_secrets) | set(entry.secrets)

    def secret(key: str) -> str | None:
        return secrets.get(key) if key in declared else None

    return AdapterInputs(section=registry.section(settings, name), secret=secret,
                         allow_private=tuple(settings.network.allow_private), suggest=suggest)


def wanted_adapters(settings: Settings, secrets: Secrets) -> list[str]:
    """The adapters this configuration needs (``registry.wanted``)."""
    refs = {dest.ref.split(":", 1)[0] for dest in settings.destinations}
    return registry.wanted(refs, secrets.get,
                           {name: registry.section(settings, name) for name in registry.names()})


# the core's own; each adapter's come from its registry entry (``reads_secrets``)
SECRET_NAMES = ("OPENAI_API_KEY",
                "NEWSBRIEF_DASHBOARD_SECRET",  # the dashboard's operator sign-in
                DATABASE_PASSWORD)


def secret_names() -> tuple[str, ...]:
    """Every secret read from the environment: the core's and the registered adapters'."""
    adapters = tuple(name for entry in registry.registry() for name in entry.reads_secrets)
    return tuple(dict.fromkeys(adapters + SECRET_NAMES))


class Secrets(BaseModel):
    """Tokens read from the environment only; ``SecretStr`` keeps them out of reprs and logs."""

    values: dict[str, SecretStr]

    def get(self, name: str) -> str | None:
        secret = self.values.get(name)
        return secret.get_secret_value() if secret is not None else None

    def present(self) -> list[str]:
        return sorted(self.values)

    @classmethod
    def from_env(cls, extra_names: tuple[str, ...] = ()) -> Secrets:
        names = secret_names() + extra_names
        found = {name: read_secret(name) for name in names}
        return cls(values={n: SecretStr(v) for n, v in found.items() if v})


def secret_values(settings: Settings, secrets: Secrets) -> list[str]:
    """Every configured value that must never be shown or stored outside its own place: the
    environment's secrets, destinations' webhook URLs and the database password. Logs and
    stored error texts are redacted of them (bot.redact)."""
    values = [secrets.get(name) or "" for name in secrets.present()]
    values += [dest.webhook_url or "" for dest in settings.destinations]
    if settings.database.url:
        # SQLAlchemy only when a URL is configured: `summarize` never loads the store
        from sqlalchemy.engine import make_url

        values.append(make_url(settings.database.url).password or "")
    return [value for value in values if value]


def read_secret(name: str) -> str | None:
    """``NAME`` from the environment, else the contents of the file ``NAME_FILE`` names (how
    Docker and Kubernetes mount secrets), stripped of the trailing newline editors add."""
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{name}_FILE", f"cannot read {path}: "
                          f"{getattr(exc, 'strerror', None) or exc}") from None
