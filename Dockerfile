# syntax=docker/dockerfile:1
#
# The hocr gRPC decision service.
#
#   docker build -t hocr .
#   docker run --rm -p 50051:50051 hocr
#
# Two stages. "build" has a C compiler and turns the project and every dependency into wheels
# (durable-rules 2.0.28 is published as an sdist only and compiles C at install time). "runtime"
# installs those wheels with no compiler and no index, and carries only the rules it serves.
# Needs BuildKit (the default builder since Docker 23) for the RUN --mount in the runtime stage.

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
# Only what the wheel is built from (setuptools packages service*). README.md* is optional: the
# wildcard lets the build go on while the file does not exist yet.
COPY pyproject.toml README.md* ./
COPY service ./service

# The project's wheel plus a wheel for every dependency; durable-rules is compiled here.
RUN pip wheel --wheel-dir /wheels . \
 && ls -l /wheels

# ---------------------------------------------------------------------------------------- runtime
FROM python:3.11-slim-bookworm AS runtime

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOCR_RULES_DIR=/app/rules \
    HOCR_DECISION_LOG=sqlite:////var/lib/hocr/decision-log.db

# Install from the build stage's wheels only (no index, no compiler); the wheels are bind-mounted,
# so they do not stay in a layer of the image.
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels hocr \
 && python -c "import durable_rules_engine, grpc, service.server"

# The rules are data read at start-up (service.rulebook.default_rules_dir reads HOCR_RULES_DIR).
# Owned by root and only readable by the service user: the running service cannot change them.
COPY rules/ /app/rules/

RUN groupadd --system --gid 10001 hocr \
 && useradd --system --uid 10001 --gid hocr --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin hocr \
 && chmod -R a+rX,go-w /app \
 && install -d -o hocr -g hocr -m 0750 /var/lib/hocr

WORKDIR /app
USER 10001:10001

EXPOSE 50051 9464
# The decision log (SQLite; mount a volume to keep it, or set HOCR_DECISION_LOG=postgresql://...).
VOLUME /var/lib/hocr

# grpc.health.v1 Health/Check for the decision service; exits 1 unless SERVING (also when the
# server is draining after SIGTERM, or does not answer within 3 s).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import sys, grpc; from grpc_health.v1 import health_pb2, health_pb2_grpc; ch = grpc.insecure_channel('127.0.0.1:50051'); r = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(service='hocr.v1.DecisionService'), timeout=3); sys.exit(0 if r.status == health_pb2.HealthCheckResponse.SERVING else 1)"]

# SIGTERM (docker stop) makes the server report NOT_SERVING, drain for up to 5 s, then exit.
STOPSIGNAL SIGTERM
CMD ["hocr", "serve", "--port", "50051", "--metrics-port", "9464"]
