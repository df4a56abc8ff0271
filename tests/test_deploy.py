"""The deployment: Kubernetes manifests valid against the Kubernetes schemas (offline, strict), the
rules ConfigMap reproducible from rules/ and unpacking to the same tree, the image's lock file
covering every dependency, and the Dockerfile free of anything that needs the internet to build."""
from __future__ import annotations

import base64
import importlib.util
import io
import re
import tarfile
import tomllib
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "k8s"
K8S_VERSION = "1.35.0"  # the oldest release the manifests promise to work on


def _configmap_module():
    spec = importlib.util.spec_from_file_location("rules_configmap", K8S / "rules_configmap.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _documents():
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        docs += [(path.name, d) for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    docs += [("rules-configmap.yaml", d) for d in yaml.safe_load_all(_configmap_module().render(ROOT / "rules"))]
    return docs


@pytest.mark.parametrize("name,doc", _documents(), ids=lambda v: v if isinstance(v, str) else v["kind"])
def test_manifest_is_valid_against_the_kubernetes_schema(name, doc):
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_every_kind_a_deployment_needs_is_there():
    kinds = {d["kind"] for _, d in _documents()}
    assert {"Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
            "Secret", "ConfigMap"} <= kinds


def test_the_pod_is_locked_down_and_probed_over_grpc():
    dep = next(d for _, d in _documents() if d["kind"] == "Deployment")
    pod = dep["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    for c in pod["containers"] + pod.get("initContainers", []):
        sc = c["securityContext"]
        assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
        assert sc["capabilities"]["drop"] == ["ALL"]
        assert c["resources"]["requests"] and c["resources"]["limits"]
    server = pod["containers"][0]
    assert "grpc" in server["readinessProbe"] and "grpc" in server["livenessProbe"]
    args = " ".join(server["args"])
    assert "--tls-cert" in args and "--tls-key" in args and "--insecure" not in args
    health_port = server["readinessProbe"]["grpc"]["port"]
    assert f"--health-port={health_port}" in server["args"]


def _arg(args: list[str], name: str) -> str | None:
    return next((a.split("=", 1)[1] for a in args if a.startswith(f"--{name}=")), None)


def _admitted(rule: dict) -> set[int]:
    return {p for port in rule.get("ports", []) for p in range(port["port"], port.get("endPort", port["port"]) + 1)}


def test_each_server_process_metrics_port_is_declared_and_open_to_the_monitoring_namespace_only():
    docs = _documents()
    dep = next(d for _, d in docs if d["kind"] == "Deployment")
    server = dep["spec"]["template"]["spec"]["containers"][0]
    args = server["args"]
    first, processes = int(_arg(args, "metrics-port")), int(_arg(args, "processes"))
    served = {first + i for i in range(processes)}  # process i serves /metrics on --metrics-port + i
    assert _arg(args, "metrics-host") not in (None, "127.0.0.1", "localhost")  # else nothing can scrape it
    declared = {p["containerPort"] for p in server["ports"] if p["name"].startswith("metrics")}
    assert declared == served
    policy = next(d for _, d in docs if d["kind"] == "NetworkPolicy")
    for rule in policy["spec"]["ingress"]:
        labels = [f["namespaceSelector"]["matchLabels"] for f in rule["from"]]
        if _admitted(rule) & served:
            assert _admitted(rule) == served and labels == [{"hocr.police.uk/monitoring": "true"}]
        else:
            assert labels == [{"hocr.police.uk/client": "true"}] and _admitted(rule) == {int(_arg(args, "port"))}
    assert any(_admitted(r) == served for r in policy["spec"]["ingress"])


def test_rules_configmap_is_reproducible_and_unpacks_to_the_rule_tree():
    mod = _configmap_module()
    first, second = mod.render(ROOT / "rules"), mod.render(ROOT / "rules")
    assert first == second
    doc = yaml.safe_load(first)
    blob = base64.b64decode(doc["binaryData"]["rules.tar.gz"])
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        unpacked = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    expected = {p.relative_to(ROOT / "rules").as_posix(): p.read_bytes()
                for p in (ROOT / "rules").rglob("*.yaml")}
    assert unpacked == expected


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def _names(requirements: str) -> set[str]:
    return {_norm(re.split(r"[=<>\[; ]", line, maxsplit=1)[0])
            for line in requirements.splitlines() if line and not line.startswith((" ", "#", "-"))}


def test_lock_file_pins_every_runtime_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    wanted = {_norm(re.split(r"[=<>\[; ]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    assert wanted <= _names(lock), f"not in requirements.lock (run `make lock`): {sorted(wanted - _names(lock))}"
    pins = [line for line in lock.splitlines() if line and not line.startswith((" ", "#", "-"))]
    assert pins and all("==" in p for p in pins)
    assert lock.count("--hash=sha256:") >= len(pins)


def test_dockerfile_builds_from_the_registries_only():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert not re.search(r"^#\s*syntax\s*=", text, re.M), "a # syntax= line fetches a frontend image"
    assert "--require-hashes" in text and "requirements.lock" in text
    for label in ("title", "description", "version", "revision", "licenses", "source"):
        assert f"org.opencontainers.image.{label}" in text
    health = text[text.index("HEALTHCHECK"):]
    assert "HOCR_HEALTH_PORT" in health and "50051" not in health.split("CMD", 1)[1]
