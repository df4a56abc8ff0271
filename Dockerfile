#
# The HOCR decision service (distribution hocr-decision-service, command `hocr`).
#
#   make image                       # docker build -t hocr-decision-service:VERSION .
#   docker run --rm -p 50051:50051 --stop-timeout 150 -v /etc/hocr:/etc/hocr:ro hocr-decision-service:0.2.0
#
# The server refuses plaintext and unidentified callers (README: Running it on a police network):
# mount the server's certificate and key and the credentials file (tokens stored hashed) at
# /etc/hocr/tls.pem, /etc/hocr/tls.key and /etc/hocr/tokens, or point HOCR_TLS_CERT, HOCR_TLS_KEY
# and HOCR_AUTH_TOKENS elsewhere (every `hocr serve` option has an HOCR_ variable).
#
# Builds with nothing from the internet but the Debian and PyPI package registries: no `# syntax=`
# line (that would fetch a Dockerfile frontend image), base images by tag, and every Python
# dependency from requirements.lock with its sha256 hash (`make lock` regenerates it).
#
# Two stages. "build" has a C compiler and turns the locked dependencies and the project into wheels
# (durable-rules 2.0.28 is published as an sdist only and compiles C at install time). "runtime"
# installs those wheels with no compiler and no index, and carries only the rules it serves.
# RUN --mount needs BuildKit, the default builder since Docker 23.

# ------------------------------------------------------------------------------------------ build
FROM python:3.11-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY requirements.lock ./
# Every dependency, checked against the lock file's hashes, as wheels (durable-rules compiled here).
RUN pip wheel --require-hashes --wheel-dir /wheels -r requirements.lock

# The project's own wheel, with no dependency resolution (they are all above, pinned).
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip wheel --no-deps --wheel-dir /wheels . \
 && ls -l /wheels

# ---------------------------------------------------------------------------------------- runtime
FROM python:3.11-slim-bookworm AS runtime

ARG VERSION=0.2.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="hocr-decision-service" \
      org.opencontainers.image.description="Home Office Crime Recording Rules as code: the crime-recording decision service (gRPC)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://example.invalid/hocr-decision-service" \
      org.opencontainers.image.base.name="python:3.11-slim-bookworm"

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOCR_RULES_DIR=/app/rules \
    HOCR_HOST=[::] \
    HOCR_PORT=50051 \
    HOCR_HEALTH_PORT=50052 \
    HOCR_METRICS_PORT=9464 \
    HOCR_TLS_CERT=/etc/hocr/tls.pem \
    HOCR_TLS_KEY=/etc/hocr/tls.key \
    HOCR_AUTH_TOKENS=/etc/hocr/tokens \
    HOCR_DECISION_LOG=sqlite:////var/lib/hocr/decision-log.db

# Install from the build stage's wheels only (no index, no compiler); the wheels are bind-mounted,
# so they do not stay in a layer of the image.
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels hocr-decision-service \
 && python -c "import durable_rules_engine, grpc, service.api"

# The rules are data read at start-up (HOCR_RULES_DIR). Owned by root and only readable by the
# service user: the running service cannot change them. Kubernetes mounts its own (deploy/k8s).
COPY rules/ /app/rules/

RUN groupadd --system --gid 10001 hocr \
 && useradd --system --uid 10001 --gid hocr --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin hocr \
 && chmod -R a+rX,go-w /app \
 && install -d -o hocr -g hocr -m 0750 /var/lib/hocr

WORKDIR /app
USER 10001:10001

# 9464: the metrics, on the container's own loopback unless HOCR_METRICS_HOST names another
# address (they name the callers; deploy/k8s sets it and admits only the monitoring namespace).
EXPOSE 50051 50052 9464
# The decision log (SQLite; mount a volume to keep it, or set HOCR_DECISION_LOG=postgresql://...).
VOLUME /var/lib/hocr

# grpc.health.v1 Health/Check on the plaintext health port (health only, no decisions), whatever
# port the container is configured with; exits 1 unless SERVING (also while draining after SIGTERM).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD hocr health --port "$HOCR_HEALTH_PORT"

# SIGTERM (docker stop) turns health NOT_SERVING at once, serves on for --drain-seconds, then
# gives calls in flight up to the longest batch time (121 s): hence --stop-timeout 150 above.
STOPSIGNAL SIGTERM
ENTRYPOINT ["hocr"]
CMD ["serve"]
