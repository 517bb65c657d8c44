"""The Dockerfile, checked without Docker: its shape is read from the file, and its steps are run
here (wheels built from exactly what the builder stage copies, installed into a clean venv by an
unprivileged user, then ``newsbrief check`` and the HEALTHCHECK command run from that venv).

The install step needs the package index; ``NEWSBRIEF_OFFLINE=1`` skips it.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from bot.config import Secrets, Settings

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def args(self, keyword: str) -> list[str]:
        return [rest for key, rest in self.instructions if key == keyword]


def parse_dockerfile(path: Path) -> list[Stage]:
    """Instructions per stage, continuation lines joined, comments dropped."""
    lines: list[str] = []
    pending = ""
    for raw in path.read_text().splitlines():
        if not pending and (not raw.strip() or raw.lstrip().startswith("#")):
            continue
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        lines.append(pending + raw)
        pending = ""
    stages: list[Stage] = []
    for line in lines:
        keyword, _, rest = line.strip().partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            parts = rest.split()
            stages.append(Stage(parts[0], parts[2] if len(parts) > 2 else None))
        else:
            stages[-1].instructions.append((keyword, rest.strip()))
    return stages


def env_of(stage: Stage) -> dict[str, str]:
    env: dict[str, str] = {}
    for rest in stage.args("ENV"):
        for pair in rest.split():
            key, _, value = pair.partition("=")
            env[key] = value
    return env


def healthcheck_command(stage: Stage) -> list[str]:
    (rest,) = stage.args("HEALTHCHECK")
    command = rest[rest.index("CMD ") + 4:]
    parsed: list[str] = json.loads(command)  # exec form: no shell needed in the image
    return parsed


STAGES = parse_dockerfile(REPO / "Dockerfile")
BUILDER, RUNTIME = STAGES[0], STAGES[-1]


def test_two_slim_python_stages_and_a_non_root_runtime() -> None:
    assert [s.base for s in STAGES] == ["python:3.11-slim", "python:3.11-slim"]
    assert BUILDER.name == "builder"
    assert any("pip wheel" in run and "--wheel-dir /wheels" in run for run in BUILDER.args("RUN"))
    assert any(c.startswith("--from=builder /wheels") for c in RUNTIME.args("COPY"))
    install = " ".join(RUNTIME.args("RUN"))
    # nothing fetched at runtime, and the locked versions installed
    assert "--no-index --find-links=/wheels -c /tmp/constraints.txt newsbrief" in install
    (user,) = RUNTIME.args("USER")
    assert user not in ("root", "0")
    assert "useradd --system --uid 10001 --user-group" in install and user in install
    assert RUNTIME.args("VOLUME") == ['["/data"]']
    assert healthcheck_command(RUNTIME) == ["python", "-m", "bot.healthcheck"]
    assert env_of(RUNTIME)["NEWSBRIEF_CONFIG"] == "/config/newsbrief.yaml"


def test_dependencies_are_installed_from_the_lock_before_the_code_is_copied() -> None:
    steps = BUILDER.instructions
    lock = steps.index(("COPY", "constraints.txt ./"))
    deps = next(i for i, (k, rest) in enumerate(steps)
                if k == "RUN" and "-r constraints.txt" in rest)
    code = steps.index(("COPY", "bot ./bot"))
    assert lock < deps < code  # a code change does not invalidate the dependency layer
    assert any("--no-deps" in rest for k, rest in steps[code:] if k == "RUN")


def test_the_lock_pins_every_runtime_dependency_within_its_range() -> None:
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (REPO / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            pins[canonicalize_name(name)] = pinned
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in constraints.txt: run scripts/lock.py"
        assert req.specifier.contains(pins[name], prereleases=True), (req, pins[name])


def test_the_configuration_is_mounted_not_baked_into_the_image() -> None:
    copied = " ".join(RUNTIME.args("COPY") + BUILDER.args("COPY"))
    assert "config" not in copied.replace("constraints", "")
    ignored = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert "config" in ignored  # not even in the build context


def test_compose_stops_gracefully_and_keeps_the_passwords_in_docker_secrets() -> None:
    text = (REPO / "docker-compose.yml").read_text()
    compose: dict[str, Any] = yaml.safe_load(text)
    bot, db = compose["services"]["newsbrief"], compose["services"]["db"]
    grace = bot["stop_grace_period"]
    assert grace.endswith("s") and int(grace[:-1]) > 20  # newsbrief's own shutdown grace: 20 s
    assert "env_file" not in db  # the bot's tokens are not PostgreSQL's business
    # optional, as the file's comment says: without .env, compose starts instead of refusing
    # (the long syntax with `required`, Compose 2.24 or later)
    assert bot["env_file"] == [{"path": ".env", "required": False}]
    files = {name: spec["file"] for name, spec in compose["secrets"].items()}
    assert set(files) == {"postgres_password", "dashboard_secret"}
    assert all(path.startswith("./secrets/") for path in files.values())
    assert db["secrets"] == ["postgres_password"]
    assert set(bot["secrets"]) == set(files)
    assert db["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/postgres_password"
    env = bot["environment"]
    assert env["NEWSBRIEF_DATABASE_PASSWORD_FILE"] == "/run/secrets/postgres_password"
    assert env["NEWSBRIEF_DASHBOARD_SECRET_FILE"] == "/run/secrets/dashboard_secret"
    # no password anywhere `docker inspect` shows: not in the URL, not in any variable
    assert "@db:" in env["NEWSBRIEF_DATABASE__URL"]
    assert ":" not in env["NEWSBRIEF_DATABASE__URL"].split("://", 1)[1].split("@", 1)[0]
    assert "POSTGRES_PASSWORD" not in {**db["environment"], **env}
    assert "newsbrief:newsbrief@" not in text
    ignored = [*(REPO / ".gitignore").read_text().split(),
               *(REPO / ".dockerignore").read_text().split()]
    assert ignored.count("secrets/") + ignored.count("secrets") == 2  # neither committed nor built


def test_compose_publishes_the_dashboard_on_loopback_only() -> None:
    compose: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    bot = compose["services"]["newsbrief"]
    assert bot["environment"]["NEWSBRIEF_DASHBOARD__HOST"] == "0.0.0.0"  # inside the container
    (published,) = bot["ports"]
    host, ports, container = published.split(":")
    assert host == "127.0.0.1" and container == "8108"  # never on every interface of the host
    assert ports.startswith("8108")


def test_the_database_password_secret_fills_the_url(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pw").write_text("s3cret:/@pass\n")
    monkeypatch.setenv("NEWSBRIEF_DATABASE_PASSWORD_FILE", str(tmp_path / "pw"))
    settings = Settings(database={"url": "postgresql+psycopg://newsbrief@db:5432/newsbrief"})
    assert make_url(settings.database_url).password == "s3cret:/@pass"
    assert "NEWSBRIEF_DATABASE_PASSWORD" in Secrets.from_env().present()


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".git", ".venv", "data", "*.db", ".env"} <= ignored
    for copied in ("bot", "adapters", "constraints.txt", "pyproject.toml", "README.md"):
        assert copied not in ignored


def test_compose_runs_newsbrief_against_postgres() -> None:
    compose: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    bot = services["newsbrief"]
    assert bot["build"] == "."
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["environment"]["NEWSBRIEF_DATABASE__URL"].startswith("postgresql+psycopg://")
    assert "newsbrief-data:/data" in bot["volumes"]
    assert any(v.endswith(":/config:ro") for v in bot["volumes"])
    for secret in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN"):  # from the environment, never inline
        assert bot["environment"][secret] == f"${{{secret}:-}}"


# -- the steps themselves ----------------------------------------------------------------------

def _unprivileged() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    return pwd.getpwnam("nobody")


def _as_user(user: pwd.struct_passwd | None) -> dict[str, Any]:
    if user is None:
        return {}
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


def _base_python(user: pwd.struct_passwd | None) -> str:
    """A Python 3.11+ the unprivileged user can run (a root-only pyenv will not do)."""
    for candidate in (str(Path(sys.base_prefix) / "bin" / "python3"), "/usr/local/bin/python3.11",
                      "/usr/bin/python3.11", "/usr/bin/python3"):
        if not Path(candidate).exists():
            continue
        try:
            probe = subprocess.run([candidate, "-c", "import sys, venv; assert sys.version_info"
                                    " >= (3, 11)"], capture_output=True, check=False,
                                   **_as_user(user))
        except OSError:  # not executable by that user
            continue
        if probe.returncode == 0:
            return candidate
    pytest.skip("no Python 3.11+ with venv that an unprivileged user can run")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def installed() -> Iterator[tuple[Path, Path, Any]]:
    """(root dir, venv) after the builder and runtime install steps."""
    if os.environ.get("NEWSBRIEF_OFFLINE") == "1":
        pytest.skip("NEWSBRIEF_OFFLINE=1: the wheel build needs the package index")
    user = _unprivileged()
    # Not tmp_path: pytest makes that root-only, and the unprivileged user must get in.
    root = Path(tempfile.mkdtemp(prefix="newsbrief-docker-"))
    (root / "src").mkdir()
    try:
        # Builder stage: copy what it copies, build every wheel.
        for copy in BUILDER.args("COPY"):
            *sources, _dest = copy.split()
            for source in sources:
                target = root / "src" / Path(source).name
                if (REPO / source).is_dir():
                    shutil.copytree(REPO / source, target,
                                    ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy2(REPO / source, target)
        for args in (["-r", "constraints.txt"], ["--no-deps", "."]):  # the builder's two steps
            built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet",
                                    "--wheel-dir", str(root / "wheels"), *args],
                                   cwd=root / "src", capture_output=True, text=True,
                                   timeout=600, check=False)
            assert built.returncode == 0, built.stderr[-2000:]
        # Runtime stage: a clean venv, installed by the unprivileged user from the wheels only.
        (root / "home").mkdir()
        shutil.copytree(REPO / "config", root / "config")  # as mounted: -v ./config:/config
        (root / "data").mkdir()
        for path in (root, root / "home", root / "data"):
            if user is not None:
                os.chown(path, user.pw_uid, user.pw_gid)
        for path in root.rglob("*"):
            path.chmod(path.stat().st_mode | 0o444 | (0o111 if path.is_dir() else 0))
        env = {"PATH": "/usr/bin:/bin", "HOME": str(root / "home"), "PIP_NO_CACHE_DIR": "1",
               "PIP_CONFIG_FILE": os.devnull}
        python = _base_python(user)
        for step in ([python, "-m", "venv", str(root / "venv")],
                     [str(root / "venv" / "bin" / "pip"), "install", "--quiet", "--no-index",
                      f"--find-links={root / 'wheels'}", "-c", str(REPO / "constraints.txt"),
                      "newsbrief"]):
            done = subprocess.run(step, cwd=root, env=env, capture_output=True, text=True,
                                  timeout=600, check=False, **_as_user(user))
            assert done.returncode == 0, (step, done.stderr[-2000:])
        yield root, root / "venv", user
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _image_env(root: Path) -> dict[str, str]:
    """The runtime stage's ENV, with its paths moved under ``root``."""
    env = {"HOME": str(root / "home")}
    for key, value in env_of(RUNTIME).items():
        value = value.replace("$PATH", "/usr/bin:/bin").replace("/opt/newsbrief", str(
            root / "venv")).replace("/config", str(root / "config"))
        env[key] = value.replace("/data", str(root / "data")) if key != "PATH" else value
    return env


def test_the_installed_image_checks_its_configuration(
        installed: tuple[Path, Path, Any]) -> None:
    root, venv, user = installed
    (entrypoint,) = [json.loads(e) for e in RUNTIME.args("ENTRYPOINT")]
    env = _image_env(root)
    done = subprocess.run([str(venv / "bin" / entrypoint[0]), "check"], cwd=root / "data",
                          env=env, capture_output=True, text=True, timeout=120, check=False,
                          **_as_user(user))
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout + done.stderr
    assert "configuration OK" in out
    assert "feeds in config: 2" in out  # the default config copied to /config
    assert f"({root / 'data'})" in out  # NEWSBRIEF_DATA_DIR from the image's ENV
    assert "Traceback" not in done.stderr


def test_the_healthcheck_command_passes_against_the_installed_health_server(
        installed: tuple[Path, Path, Any]) -> None:
    root, venv, user = installed
    port = _free_port()
    env = {**_image_env(root), "NEWSBRIEF_HEALTH__PORT": str(port)}
    serve = ("import asyncio\nfrom bot.runner.health import serve_health\n"
             "async def main():\n"
             f"    await serve_health('127.0.0.1', {port})\n"
             "    await asyncio.sleep(60)\n"
             "asyncio.run(main())\n")
    server = subprocess.Popen([str(venv / "bin" / "python"), "-c", serve], env=env,
                              cwd=root / "data", stderr=subprocess.PIPE, text=True,
                              **_as_user(user))
    check = healthcheck_command(RUNTIME)
    check[0] = str(venv / "bin" / check[0])
    _wait_healthy(server, check, env, user)
    # With nothing listening the same command fails, so Docker would mark the container sick.
    dead = subprocess.run(check, env=env, capture_output=True, text=True, timeout=30,
                          check=False, **_as_user(user))
    assert dead.returncode != 0


def test_the_healthcheck_finds_the_routes_on_the_slack_port_in_http_mode(
        installed: tuple[Path, Path, Any]) -> None:
    root, venv, user = installed
    slack_port, unused = _free_port(), _free_port()
    env = {**_image_env(root), "NEWSBRIEF_HEALTH__PORT": str(unused),
           "NEWSBRIEF_SLACK__HTTP_PORT": str(slack_port)}
    serve = ("import asyncio\nfrom aiohttp import web\n"
             "from bot.runner.health import health_routes\n"
             "async def main():\n"
             "    app = web.Application()\n"
             "    app.router.add_routes(health_routes())\n"  # as Slack's HTTP server mounts them
             "    runner = web.AppRunner(app)\n    await runner.setup()\n"
             f"    await web.TCPSite(runner, '127.0.0.1', {slack_port}).start()\n"
             "    await asyncio.sleep(60)\n"
             "asyncio.run(main())\n")
    server = subprocess.Popen([str(venv / "bin" / "python"), "-c", serve], env=env,
                              cwd=root / "data", stderr=subprocess.PIPE, text=True,
                              **_as_user(user))
    check = healthcheck_command(RUNTIME)
    check[0] = str(venv / "bin" / check[0])
    _wait_healthy(server, check, env, user)


def _wait_healthy(server: subprocess.Popen[str], check: list[str], env: dict[str, str],
                  user: Any) -> None:
    try:
        deadline = time.monotonic() + 30
        while True:
            done = subprocess.run(check, env=env, capture_output=True, text=True, timeout=30,
                                  check=False, **_as_user(user))
            if done.returncode == 0:
                break
            assert server.poll() is None, server.communicate()[1][-2000:]
            assert time.monotonic() < deadline, done.stderr[-2000:]
            time.sleep(0.2)
    finally:
        server.kill()
        server.wait()
