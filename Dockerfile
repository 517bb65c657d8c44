# newsbrief: two stages. The builder turns the project and every dependency into wheels; the
# runtime stage installs only those wheels (no compiler, no network) and runs as a non-root user.
#   docker build -t newsbrief .
#   docker run -v ./config:/config:ro -v newsbrief-data:/data newsbrief
# tests/test_docker_steps.py runs these same steps outside Docker; keep the two in step.

FROM python:3.11-slim AS builder
WORKDIR /src
RUN python -m pip install --no-cache-dir --upgrade pip wheel
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY adapters ./adapters
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels .

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
RUN python -m venv /opt/newsbrief \
 && /opt/newsbrief/bin/pip install --no-cache-dir --no-index --find-links=/wheels newsbrief \
 && rm -rf /wheels
# The default configuration (offline sample feeds); mount your own over /config.
COPY config/ /config/
USER newsbrief
WORKDIR /data
VOLUME ["/data"]
# 9108: /healthz, /readyz, /metrics. 3000: Slack HTTP mode (which then serves them too).
EXPOSE 9108 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('NEWSBRIEF_HEALTH__PORT', '9108') + '/healthz', timeout=4)"]
ENTRYPOINT ["newsbrief"]
CMD ["run"]
