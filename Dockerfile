# newsbrief: two stages. The builder turns the pinned dependencies and then the project into
# wheels; the runtime stage installs only those wheels (no compiler, no network) and runs as a
# non-root user. The configuration is not in the image: mount it at run time.
#   docker build -t newsbrief .
#   docker run --stop-timeout 30 -v ./config:/config:ro -v newsbrief-data:/data newsbrief
# tests/test_docker_steps.py runs these same steps outside Docker; keep the two in step.

FROM python:3.11-slim AS builder
WORKDIR /src
RUN python -m pip install --no-cache-dir --upgrade pip wheel
# Dependencies first, from the lock file (scripts/lock.py): this layer is rebuilt only when
# constraints.txt changes, not at every code change.
COPY constraints.txt ./
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels -r constraints.txt
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY adapters ./adapters
RUN python -m pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/newsbrief/bin:$PATH \
    NEWSBRIEF_CONFIG=/config/newsbrief.yaml \
    NEWSBRIEF_DATA_DIR=/data \
    NEWSBRIEF_LOGGING__JSON=true \
    NEWSBRIEF_HEALTH__ENABLED=true \
    NEWSBRIEF_HEALTH__HOST=0.0.0.0 \
    NEWSBRIEF_HEALTH__PORT=9108
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin newsbrief \
 && mkdir -p /data /config \
 && chown newsbrief:newsbrief /data
COPY --from=builder /wheels /wheels
COPY constraints.txt /tmp/constraints.txt
RUN python -m venv /opt/newsbrief \
 && /opt/newsbrief/bin/pip install --no-cache-dir --no-index --find-links=/wheels -c /tmp/constraints.txt newsbrief \
 && rm -rf /wheels /tmp/constraints.txt
USER newsbrief
WORKDIR /data
VOLUME ["/data"]
# 9108: /healthz, /readyz, /metrics. 3000: Slack HTTP mode (which then serves them instead).
EXPOSE 9108 3000
# The probe tries the health port, then the Slack HTTP port (see bot/healthcheck.py).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["python", "-m", "bot.healthcheck"]
# newsbrief shuts down within 20 s of SIGTERM; give it 30 (docker run --stop-timeout 30,
# stop_grace_period in compose) or Docker's default 10 s kills it mid-shutdown.
STOPSIGNAL SIGTERM
ENTRYPOINT ["newsbrief"]
CMD ["run"]
