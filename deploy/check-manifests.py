#!/usr/bin/env python3
"""Checks the Kubernetes manifests under deploy/k8s without a cluster or a kustomize binary.

    check-manifests.py OVERLAY_DIR...                render each overlay with the built-in resolver, check it
    check-manifests.py --rendered FILE --overlay DIR check kubectl's rendering of DIR, and that the built-in
                                                     resolver renders exactly the same objects

The resolver understands the subset of kustomize this repository uses (resources, patches with or
without target, namespace, labels, images) and refuses anything else, so it can never silently
render something different from kustomize; when kubectl is installed, validate.sh compares the two.

The rules are the ones a wrong manifest would otherwise break only at apply or run time: kinds and
API versions the platform uses, names Kubernetes accepts, selectors that select, probes on the
Quarkus health endpoints, references that resolve, and one KafkaTopic with partitions, replicas and
retention for every topic the services use and its dead-letter topic, Kafka only over TLS with
SCRAM and ACLs, a KafkaUser per service granting exactly what its code publishes and consumes, and
NetworkPolicies that allow exactly the service-to-service calls the code makes.
Exit status 1 with one line per problem, naming the file and document.
"""
import copy
import json
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("check-manifests: PyYAML is missing (apt-get install -y python3-yaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
README = os.path.join(HERE, "k8s", "README.md")

KINDS = {
    ("v1", "ConfigMap"), ("v1", "Service"), ("apps/v1", "Deployment"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"), ("policy/v1", "PodDisruptionBudget"),
    ("kafka.strimzi.io/v1beta2", "Kafka"), ("kafka.strimzi.io/v1beta2", "KafkaNodePool"),
    ("kafka.strimzi.io/v1beta2", "KafkaTopic"), ("kafka.strimzi.io/v1beta2", "KafkaUser"),
    ("postgresql.cnpg.io/v1", "Cluster"), ("networking.k8s.io/v1", "NetworkPolicy"),
}
# Kinds kustomize knows the strategic-merge keys of; custom resources get JSON merge patches.
BUILTIN_GROUPS = {"v1", "apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1"}
MERGE_KEYS = {"containers": "name", "initContainers": "name", "env": "name", "volumes": "name",
              "volumeMounts": "mountPath", "ports": "containerPort"}

TOPICS = [
    "dataset.validated", "dataset.rejected",
    "job.queued", "job.started", "job.progressed", "job.succeeded", "job.failed", "job.cancelled",
    "cost.estimated", "budget.warning", "budget.exceeded", "budget.restored",
    "eval.completed", "eval.failed",
    "rollout.advanced", "rollout.rolled_back", "inference.usage", "feedback.recorded",
    "quality.degraded", "retraining.requested",
]
# The event contracts' topics (events/.../Topics.java) must all be in TOPICS: a contract added in code
# without its KafkaTopic would fail at the first publish on a cluster with auto-creation off.
TOPICS_JAVA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events", "src", "main", "java",
                           "io", "tuneforge", "events", "Topics.java")


def contract_topics():
    with open(TOPICS_JAVA, encoding="utf-8") as source:
        return re.findall(r'public static final String [A-Z_]+ = "([a-z_]+\.[a-z_]+)";', source.read())


PROJECT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EVENT_CONTRACTS_JAVA = os.path.join(PROJECT, "events", "src", "main", "java", "io", "tuneforge", "events",
                                    "EventContracts.java")
# TUNEFORGE_<X>_URL names the service a setting points at.
URL_VARIABLES = {"DATASET": "dataset-service", "TRAINING": "training-service", "EVAL": "eval-service",
                 "COST": "cost-service", "GATEWAY": "gateway-service"}


def module_properties(module):
    path = os.path.join(PROJECT, module, "src", "main", "resources", "application.properties")
    return open(path, encoding="utf-8").read() if os.path.isfile(path) else None


def kafka_needs(module):
    """What a service's code does on Kafka: topics it publishes (the payload records it constructs,
    mapped to their topics by EventContracts), topics it consumes and dead-letters (its incoming
    channels), and its consumer group (Quarkus' default group.id is the application name)."""
    props = module_properties(module) or ""
    topics = dict(re.findall(r'public static final String ([A-Z_]+) = "([a-z_]+\.[a-z_]+)";',
                             open(TOPICS_JAVA, encoding="utf-8").read()))
    records = {cls: topics[t] for cls, t in re.findall(
        r"EventContract<(\w+)>\s+\w+\s*=\s*new EventContract<>\(Topics\.(\w+)",
        open(EVENT_CONTRACTS_JAVA, encoding="utf-8").read())}
    published = set()
    for folder, _, files in os.walk(os.path.join(PROJECT, module, "src", "main", "java")):
        for f in files:
            if f.endswith(".java"):
                source = open(os.path.join(folder, f), encoding="utf-8").read()
                published |= {t for cls, t in records.items() if re.search(r"\bnew " + cls + r"\(", source)}
    consumed = set(re.findall(r"^mp\.messaging\.incoming\.[\w-]+\.topic=(\S+)", props, re.M))
    dead_letters = set(re.findall(r"^mp\.messaging\.incoming\.[\w-]+\.dead-letter-queue\.topic=(\S+)", props, re.M))
    group = (re.findall(r"^kafka\.group\.id=(\S+)", props, re.M)
             or re.findall(r"^quarkus\.application\.name=(\S+)", props, re.M) or [module])[0]
    acls = {("topic", t, "Write") for t in published | dead_letters}
    acls |= {("topic", t, "Read") for t in consumed}
    if consumed:
        acls.add(("group", group, "Read"))
    return acls


def service_calls(module):
    """The services a module calls: the TUNEFORGE_<X>_URL settings its configuration reads."""
    props = module_properties(module) or ""
    return {URL_VARIABLES[x] for x in re.findall(r"\$\{TUNEFORGE_([A-Z]+)_URL", props) if x in URL_VARIABLES} - {module}


QUARKUS_PROBES = {"readinessProbe": "/q/health/ready", "livenessProbe": "/q/health/live",
                  "startupProbe": "/q/health/started"}

DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
DNS_LABEL = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")


class Problems:
    def __init__(self):
        self.lines = []
        self.context = ""

    def add(self, where, message):
        self.lines.append(f"{self.context}{where}: {message}")


# ---------------------------------------------------------------- rendering (kustomize subset)

class Doc:
    """A rendered object and the file it came from, for messages."""

    def __init__(self, obj, source, index):
        self.obj = obj
        self.source = source
        self.index = index

    @property
    def where(self):
        md = self.obj.get("metadata") or {} if isinstance(self.obj, dict) else {}
        kind = self.obj.get("kind", "?") if isinstance(self.obj, dict) else "?"
        return f"{os.path.relpath(self.source)} [document {self.index + 1}] {kind}/{md.get('name', '?')}"


class RenderError(Exception):
    pass


def load_yaml_docs(path):
    try:
        with open(path) as f:
            return [d for d in yaml.safe_load_all(f) if d is not None]
    except yaml.YAMLError as e:
        raise RenderError(f"{os.path.relpath(path)}: not valid YAML: {e}")
    except OSError as e:
        raise RenderError(f"{os.path.relpath(path)}: {e.strerror}")


KNOWN_FIELDS = {"apiVersion", "kind", "resources", "patches", "namespace", "labels", "images"}


def render(directory):
    path = os.path.join(directory, "kustomization.yaml")
    if not os.path.isfile(path):
        raise RenderError(f"{os.path.relpath(directory)}: no kustomization.yaml")
    docs = load_yaml_docs(path)
    if len(docs) != 1 or not isinstance(docs[0], dict):
        raise RenderError(f"{os.path.relpath(path)}: must hold exactly one mapping")
    k = docs[0]
    unknown = set(k) - KNOWN_FIELDS
    if unknown:
        raise RenderError(f"{os.path.relpath(path)}: field(s) {sorted(unknown)} are not understood by this checker; "
                          "extend deploy/check-manifests.py (and its comparison with kubectl) before using them")
    if k.get("kind") != "Kustomization" or k.get("apiVersion") != "kustomize.config.k8s.io/v1beta1":
        raise RenderError(f"{os.path.relpath(path)}: expected apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization")

    out = []
    for entry in k.get("resources") or []:
        target = os.path.normpath(os.path.join(directory, entry))
        if os.path.isdir(target):
            out.extend(render(target))
        else:
            out.extend(Doc(d, target, i) for i, d in enumerate(load_yaml_docs(target)))

    for n, patch in enumerate(k.get("patches") or []):
        apply_patch(out, patch, directory, f"{os.path.relpath(path)} patches[{n}]")
    for doc in out:
        for label in k.get("labels") or []:
            add_labels(doc.obj, label)
        if "namespace" in k:
            doc.obj.setdefault("metadata", {})["namespace"] = k["namespace"]
        for image in k.get("images") or []:
            set_image(doc.obj, image)
    return out


def apply_patch(docs, patch, directory, where):
    if set(patch) - {"path", "patch", "target"}:
        raise RenderError(f"{where}: only path, patch and target are understood")
    if "path" in patch:
        bodies = load_yaml_docs(os.path.join(directory, patch["path"]))
    else:
        bodies = [yaml.safe_load(patch["patch"])]
    target = patch.get("target")
    for body in bodies:
        json6902 = isinstance(body, list)
        if json6902 and not target:
            raise RenderError(f"{where}: a JSON 6902 patch needs a target")
        if target:
            matches = [d for d in docs if selects(target, d.obj, where)]
        else:
            gvk = (body.get("apiVersion"), body.get("kind"), (body.get("metadata") or {}).get("name"))
            matches = [d for d in docs if (d.obj.get("apiVersion"), d.obj.get("kind"), d.obj["metadata"].get("name")) == gvk]
        if not matches:
            raise RenderError(f"{where}: the patch matches no object")
        for d in matches:
            if json6902:
                apply_json6902(d.obj, body, where)
            else:
                body_for_target = copy.deepcopy(body)
                if target:  # kustomize patches each target; the patch's own name is ignored
                    body_for_target.pop("metadata", None)
                    body_for_target.pop("apiVersion", None)
                    body_for_target.pop("kind", None)
                strategic = d.obj.get("apiVersion") in BUILTIN_GROUPS
                d.obj = merge(d.obj, body_for_target, strategic)


def selects(target, obj, where):
    if set(target) - {"kind", "name", "labelSelector"}:
        raise RenderError(f"{where}: target supports kind, name and labelSelector only")
    if "kind" in target and not re.fullmatch(target["kind"], obj.get("kind", "")):
        return False
    if "name" in target and not re.fullmatch(target["name"], obj["metadata"].get("name", "")):
        return False
    if "labelSelector" in target:
        labels = obj["metadata"].get("labels") or {}
        for term in target["labelSelector"].split(","):
            key, sep, value = term.partition("=")
            if not sep or "!" in key:
                raise RenderError(f"{where}: labelSelector supports key=value terms only")
            if labels.get(key.strip()) != value.strip():
                return False
    return True


def merge(base, patch, strategic):
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(base)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        elif key in out and isinstance(value, list) and strategic and key in MERGE_KEYS:
            out[key] = merge_list(out[key], value, MERGE_KEYS[key])
        elif key in out:
            out[key] = merge(out[key], value, strategic)
        else:
            out[key] = copy.deepcopy(value)
    return out


def merge_list(base, patch, key):
    out = [copy.deepcopy(item) for item in base]
    for item in patch:
        same = [i for i, existing in enumerate(out) if existing.get(key) == item.get(key)]
        if same:
            out[same[0]] = merge(out[same[0]], item, True)
        else:
            out.append(copy.deepcopy(item))
    return out


def apply_json6902(obj, ops, where):
    for op in ops:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/")[1:]]
        parent = obj
        try:
            for p in parts[:-1]:
                parent = parent[int(p)] if isinstance(parent, list) else parent[p]
            last = parts[-1]
            if op["op"] in ("replace", "add"):
                if isinstance(parent, list):
                    index = len(parent) if last == "-" else int(last)
                    if op["op"] == "add":
                        parent.insert(index, copy.deepcopy(op["value"]))
                    else:
                        parent[index] = copy.deepcopy(op["value"])
                else:
                    if op["op"] == "replace" and last not in parent:
                        raise KeyError(last)
                    parent[last] = copy.deepcopy(op["value"])
            elif op["op"] == "remove":
                del parent[int(last) if isinstance(parent, list) else last]
            else:
                raise RenderError(f"{where}: op {op['op']} is not understood")
        except (KeyError, IndexError, ValueError, TypeError):
            raise RenderError(f"{where}: path {op['path']} does not exist in {obj.get('kind')}/{obj['metadata'].get('name')}")


def add_labels(obj, label):
    if set(label) - {"pairs", "includeSelectors", "includeTemplates"}:
        raise RenderError("labels: only pairs, includeSelectors and includeTemplates are understood")
    if label.get("includeSelectors"):
        raise RenderError("labels: includeSelectors: true is not understood (selectors are immutable; keep it false)")
    obj.setdefault("metadata", {}).setdefault("labels", {}).update(label["pairs"])
    if label.get("includeTemplates") and obj.get("kind") == "Deployment":
        obj["spec"]["template"].setdefault("metadata", {}).setdefault("labels", {}).update(label["pairs"])


def set_image(obj, image):
    if obj.get("kind") != "Deployment":
        return
    for c in obj["spec"]["template"]["spec"].get("containers") or []:
        name, _, tag = c.get("image", "").partition(":")
        if name == image["name"]:
            c["image"] = f"{image.get('newName', name)}:{image.get('newTag', tag)}"


# ---------------------------------------------------------------- checks

def check(docs, problems, namespace=None):
    by_kind = {}
    seen = {}
    for d in docs:
        o = d.obj
        if not isinstance(o, dict):
            problems.add(d.where, "not a mapping")
            continue
        api, kind = o.get("apiVersion"), o.get("kind")
        name = (o.get("metadata") or {}).get("name")
        if not api or not kind or not name:
            problems.add(d.where, "apiVersion, kind and metadata.name are required")
            continue
        if (api, kind) == ("v1", "Secret"):
            problems.add(d.where, "Secrets are created out of band (README 'Secrets'), never committed")
            continue
        if (api, kind) not in KINDS:
            problems.add(d.where, f"{api} {kind} is not a kind this platform uses: {sorted(KINDS)}")
            continue
        if len(name) > 253 or not DNS_SUBDOMAIN.match(name):
            problems.add(d.where, f"name {name!r} is not a DNS-1123 subdomain (lowercase, digits, '-', '.')")
        if kind == "Service" and (len(name) > 63 or not DNS_LABEL.match(name)):
            problems.add(d.where, f"a Service name must be a DNS-1035 label, not {name!r}")
        if namespace is not None and o["metadata"].get("namespace") != namespace:
            problems.add(d.where, f"namespace is {o['metadata'].get('namespace')!r}, expected {namespace!r}")
        key = (kind, o["metadata"].get("namespace"), name)
        if key in seen:
            problems.add(d.where, f"duplicate of {seen[key]}")
        seen[key] = d.where
        by_kind.setdefault(kind, []).append(d)

    deployments = {d.obj["metadata"]["name"]: d for d in by_kind.get("Deployment", [])}
    config_maps = {d.obj["metadata"]["name"]: d for d in by_kind.get("ConfigMap", [])}
    kafkas = {d.obj["metadata"]["name"]: d for d in by_kind.get("Kafka", [])}
    clusters = {d.obj["metadata"]["name"]: d for d in by_kind.get("Cluster", [])}
    readme = open(README).read() if os.path.isfile(README) else ""

    users = {d.obj["metadata"]["name"]: d for d in by_kind.get("KafkaUser", [])}
    # Secrets the operators write: Strimzi one per KafkaUser and the cluster CA, CloudNativePG <cluster>-app.
    operator_secrets = set(users) | {f"{k}-cluster-ca-cert" for k in kafkas}
    for d in deployments.values():
        check_deployment(d, config_maps, clusters, readme, problems, operator_secrets)
    for d in by_kind.get("Service", []):
        check_service(d, deployments, problems)
    hpas = check_hpas(by_kind.get("HorizontalPodAutoscaler", []), deployments, problems)
    for name, d in deployments.items():
        labels = d.obj["spec"]["template"]["metadata"].get("labels") or {}
        if labels.get("app.kubernetes.io/component") == "service" and name not in hpas:
            problems.add(d.where, "a service Deployment needs a HorizontalPodAutoscaler")
    for d in by_kind.get("PodDisruptionBudget", []):
        if not any(selector_selects(d.obj["spec"].get("selector"), dep) for dep in deployments.values()):
            problems.add(d.where, "selector selects no Deployment")
    brokers = check_kafka(by_kind.get("Kafka", []), by_kind.get("KafkaNodePool", []), problems)
    check_topics(by_kind.get("KafkaTopic", []), kafkas, brokers, problems)
    for d in clusters.values():
        check_cluster(d, problems)
    check_endpoints(config_maps, kafkas, clusters, problems)
    check_kafka_users(users, deployments, kafkas, config_maps, problems)
    check_network_policies(by_kind.get("NetworkPolicy", []), deployments, by_kind.get("Service", []), problems)


def selector_selects(selector, deployment):
    return labels_match(selector, deployment.obj["spec"]["template"]["metadata"].get("labels") or {})


def labels_match(selector, labels, empty_matches=False):
    match = (selector or {}).get("matchLabels") or {}
    expressions = (selector or {}).get("matchExpressions") or []
    if not match and not expressions:
        return empty_matches
    for e in expressions:
        if e.get("operator") != "In":
            return False  # the only operator this repository uses; anything else is not understood
        if labels.get(e.get("key")) not in (e.get("values") or []):
            return False
    return all(labels.get(k) == v for k, v in match.items())


def check_deployment(d, config_maps, clusters, readme, problems, operator_secrets=()):
    o = d.obj
    name = o["metadata"]["name"]
    spec = o.get("spec") or {}
    template = spec.get("template") or {}
    labels = (template.get("metadata") or {}).get("labels") or {}
    match = (spec.get("selector") or {}).get("matchLabels") or {}
    if not match:
        problems.add(d.where, "spec.selector.matchLabels is empty")
    for k, v in match.items():
        if labels.get(k) != v:
            problems.add(d.where, f"selector {k}={v} does not match the template's labels {labels}")
    pod = template.get("spec") or {}
    pod_security = pod.get("securityContext") or {}
    containers = pod.get("containers") or []
    if not containers:
        problems.add(d.where, "no containers")
    for c in containers:
        where = f"{d.where} container {c.get('name')}"
        if not c.get("image"):
            problems.add(where, "no image")
        security = c.get("securityContext") or {}
        if not (security.get("runAsNonRoot") or pod_security.get("runAsNonRoot")):
            problems.add(where, "runAsNonRoot must be true (pod or container securityContext)")
        if security.get("allowPrivilegeEscalation") is not False:
            problems.add(where, "securityContext.allowPrivilegeEscalation must be false")
        resources = c.get("resources") or {}
        for part, needed in (("requests", ("cpu", "memory")), ("limits", ("memory",))):
            for r in needed:
                if r not in (resources.get(part) or {}):
                    problems.add(where, f"resources.{part}.{r} is required")
        ports = {p.get("name") for p in c.get("ports") or []} | {p.get("containerPort") for p in c.get("ports") or []}
        for probe_kind, quarkus_path in QUARKUS_PROBES.items():
            probe = c.get(probe_kind)
            if not probe:
                problems.add(where, f"{probe_kind} is required")
                continue
            http = probe.get("httpGet") or {}
            if http.get("path") != quarkus_path:
                problems.add(where, f"{probe_kind} must be an httpGet on {quarkus_path}, not {http.get('path')!r}")
            if http.get("port") not in ports:
                problems.add(where, f"{probe_kind} port {http.get('port')!r} is not a port of the container")
        for source in c.get("envFrom") or []:
            check_ref(where, source.get("configMapRef"), source.get("secretRef"), config_maps, readme, problems,
                      operator_secrets)
        for env in c.get("env") or []:
            vf = env.get("valueFrom") or {}
            check_ref(where, vf.get("configMapKeyRef"), vf.get("secretKeyRef"), config_maps, readme, problems,
                      operator_secrets)
            secret = (vf.get("secretKeyRef") or {}).get("name", "")
            if secret.endswith("-app") and secret[:-4] not in clusters:
                problems.add(where, f"secret {secret} looks like a CloudNativePG app secret, but there is no Cluster {secret[:-4]}")
    volumes = {v.get("name"): v for v in pod.get("volumes") or []}
    for v in volumes.values():
        secret = (v.get("secret") or {}).get("secretName")
        if secret:
            check_ref(f"{d.where} volume {v.get('name')}", None, {"name": secret}, config_maps, readme, problems,
                      operator_secrets)
    for c in containers:
        for m in c.get("volumeMounts") or []:
            if m.get("name") not in volumes:
                problems.add(f"{d.where} container {c.get('name')}", f"volumeMount {m.get('name')} names no volume")
    labels_component = labels.get("app.kubernetes.io/component")
    if labels_component == "service" and "replicas" in spec:
        problems.add(d.where, "spec.replicas fights the HorizontalPodAutoscaler on every apply; leave it out")


def check_ref(where, config_ref, secret_ref, config_maps, readme, problems, operator_secrets=()):
    if config_ref and config_ref.get("name") not in config_maps:
        problems.add(where, f"ConfigMap {config_ref.get('name')} is referenced but not rendered")
    if secret_ref and secret_ref.get("name") in operator_secrets:
        return
    if secret_ref and f"`{secret_ref.get('name')}`" not in readme:
        problems.add(where, f"Secret {secret_ref.get('name')} is referenced but deploy/k8s/README.md does not say "
                            "how it is created (write its name in backquotes there)")


def check_service(d, deployments, problems):
    spec = d.obj.get("spec") or {}
    selector = spec.get("selector") or {}
    targets = [dep for dep in deployments.values() if selector_selects({"matchLabels": selector}, dep)]
    if not targets:
        problems.add(d.where, f"selector {selector} selects no Deployment")
        return
    for port in spec.get("ports") or []:
        target = port.get("targetPort", port.get("port"))
        for dep in targets:
            names = {p.get("name") for c in dep.obj["spec"]["template"]["spec"]["containers"] for p in c.get("ports") or []}
            numbers = {p.get("containerPort") for c in dep.obj["spec"]["template"]["spec"]["containers"] for p in c.get("ports") or []}
            if target not in names | numbers:
                problems.add(d.where, f"targetPort {target!r} is not a port of Deployment {dep.obj['metadata']['name']}")


def check_hpas(hpas, deployments, problems):
    targets = {}
    for d in hpas:
        spec = d.obj.get("spec") or {}
        ref = spec.get("scaleTargetRef") or {}
        if ref.get("kind") != "Deployment" or ref.get("name") not in deployments:
            problems.add(d.where, f"scaleTargetRef {ref} is not a rendered Deployment")
        elif ref.get("name") in targets:
            problems.add(d.where, f"a second autoscaler for {ref.get('name')}")
        targets[ref.get("name")] = d
        low, high = spec.get("minReplicas", 1), spec.get("maxReplicas")
        if not isinstance(high, int) or not isinstance(low, int) or not 1 <= low <= high:
            problems.add(d.where, f"needs 1 <= minReplicas <= maxReplicas, has {low}..{high}")
        cpu = [m for m in spec.get("metrics") or []
               if m.get("type") == "Resource" and (m.get("resource") or {}).get("name") == "cpu"]
        if not cpu:
            problems.add(d.where, "needs a cpu Resource metric")
    return targets


def check_kafka(kafkas, pools, problems):
    brokers = {}
    for d in pools:
        spec = d.obj.get("spec") or {}
        cluster = (d.obj["metadata"].get("labels") or {}).get("strimzi.io/cluster")
        if cluster not in {k.obj["metadata"]["name"] for k in kafkas}:
            problems.add(d.where, f"label strimzi.io/cluster={cluster!r} names no Kafka")
        roles = set(spec.get("roles") or [])
        if not roles or roles - {"controller", "broker"}:
            problems.add(d.where, f"roles must be controller and/or broker, not {sorted(roles)}")
        replicas = spec.get("replicas")
        if not isinstance(replicas, int) or replicas < 1:
            problems.add(d.where, "replicas must be a positive integer")
        elif "broker" in roles:
            brokers[cluster] = brokers.get(cluster, 0) + replicas
        if not (spec.get("storage") or {}).get("type"):
            problems.add(d.where, "storage.type is required")
    for d in kafkas:
        name = d.obj["metadata"]["name"]
        spec = d.obj.get("spec") or {}
        if "zookeeper" in spec:
            problems.add(d.where, "KRaft only: no spec.zookeeper")
        listeners = (spec.get("kafka") or {}).get("listeners") or []
        if not listeners:
            problems.add(d.where, "spec.kafka.listeners is required")
        for listener in listeners:
            # Prompts and answers travel in feedback.recorded, and consumers act on ce_tenant: no
            # client may connect unauthenticated or in clear text.
            if listener.get("tls") is not True:
                problems.add(d.where, f"listener {listener.get('name')}: tls must be true")
            if (listener.get("authentication") or {}).get("type") != "scram-sha-512":
                problems.add(d.where, f"listener {listener.get('name')}: authentication.type must be scram-sha-512")
            if not listener.get("networkPolicyPeers"):
                problems.add(d.where, f"listener {listener.get('name')}: networkPolicyPeers must name who may connect")
        if ((spec.get("kafka") or {}).get("authorization") or {}).get("type") != "simple":
            problems.add(d.where, "spec.kafka.authorization.type must be simple (the KafkaUsers' ACLs)")
        if "userOperator" not in (spec.get("entityOperator") or {}):
            problems.add(d.where, "spec.entityOperator.userOperator is required (it reconciles the KafkaUsers)")
        controllers = [p for p in pools if (p.obj["metadata"].get("labels") or {}).get("strimzi.io/cluster") == name
                       and "controller" in (p.obj.get("spec") or {}).get("roles", [])]
        if not controllers:
            problems.add(d.where, "no KafkaNodePool with the controller role (KRaft)")
        config = (spec.get("kafka") or {}).get("config") or {}
        for key in ("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor", "min.insync.replicas"):
            if key in config and config[key] > brokers.get(name, 0):
                problems.add(d.where, f"{key}={config[key]} exceeds the {brokers.get(name, 0)} broker(s) of its node pools")
    return brokers


def check_topics(topics, kafkas, brokers, problems):
    names = {}
    for d in topics:
        o = d.obj
        spec = o.get("spec") or {}
        cluster = (o["metadata"].get("labels") or {}).get("strimzi.io/cluster")
        if cluster not in kafkas:
            problems.add(d.where, f"label strimzi.io/cluster={cluster!r} names no Kafka")
        topic = spec.get("topicName", o["metadata"]["name"])
        if topic in names:
            problems.add(d.where, f"topic {topic} is also declared by {names[topic]}")
        names[topic] = d.where
        for field in ("partitions", "replicas"):
            if not isinstance(spec.get(field), int) or spec[field] < 1:
                problems.add(d.where, f"spec.{field} must be a positive integer")
        config = spec.get("config") or {}
        if not isinstance(config.get("retention.ms"), int) or config["retention.ms"] <= 0:
            problems.add(d.where, "spec.config.retention.ms must be a positive integer (chosen on purpose, not the broker default)")
        replicas = spec.get("replicas")
        if isinstance(replicas, int) and cluster in brokers and replicas > brokers[cluster]:
            problems.add(d.where, f"replicas={replicas} exceeds the {brokers[cluster]} broker(s) of {cluster}")
        isr = config.get("min.insync.replicas")
        if isinstance(isr, int) and isinstance(replicas, int) and isr > replicas:
            problems.add(d.where, f"min.insync.replicas={isr} exceeds replicas={replicas}: every acks=all write would fail")
        if topic.endswith(".dlq") and topic[:-4] not in TOPICS:
            problems.add(d.where, f"dead-letter topic {topic} has no known topic {topic[:-4]}")
    where = topics[0].source if topics else "KafkaTopic"
    for topic in contract_topics():
        if topic not in TOPICS:
            problems.add(os.path.relpath(TOPICS_JAVA), f"event topic {topic} is not declared in deploy/check-manifests.py TOPICS "
                                                       "(add it there and a KafkaTopic for it and its .dlq)")
    for topic in TOPICS:
        for needed in (topic, topic + ".dlq"):
            if needed not in names:
                problems.add(os.path.relpath(where), f"no KafkaTopic for {needed}")


def check_cluster(d, problems):
    spec = d.obj.get("spec") or {}
    if not isinstance(spec.get("instances"), int) or spec["instances"] < 1:
        problems.add(d.where, "spec.instances must be a positive integer")
    initdb = (spec.get("bootstrap") or {}).get("initdb") or {}
    if initdb.get("database") != "tuneforge":
        problems.add(d.where, "bootstrap.initdb.database must be tuneforge (one database, a schema per service)")
    if not (spec.get("storage") or {}).get("size"):
        problems.add(d.where, "spec.storage.size is required")


def check_endpoints(config_maps, kafkas, clusters, problems):
    """The shared ConfigMap must point at the Services the operators create for what is rendered."""
    platform = config_maps.get("tuneforge-platform")
    if not platform:
        return
    data = platform.obj.get("data") or {}
    db = re.match(r"^jdbc:postgresql://([^:/]+)(?::\d+)?/(\w+)", data.get("TUNEFORGE_DB_URL", ""))
    if not db or not db.group(1).endswith("-rw") or db.group(1)[:-3] not in clusters or db.group(2) != "tuneforge":
        problems.add(platform.where, f"TUNEFORGE_DB_URL must be jdbc:postgresql://<Cluster>-rw:5432/tuneforge "
                                     f"for a rendered Cluster {sorted(clusters)}")
    bootstrap = data.get("TUNEFORGE_KAFKA_BOOTSTRAP", "")
    host, _, port = bootstrap.partition(":")
    ok = False
    for name, k in kafkas.items():
        listeners = (k.obj["spec"].get("kafka") or {}).get("listeners") or []
        ports = {str(listener.get("port")) for listener in listeners if listener.get("type") == "internal"}
        ok = ok or (host == f"{name}-kafka-bootstrap" and port in ports)
    if not ok:
        problems.add(platform.where, f"TUNEFORGE_KAFKA_BOOTSTRAP {bootstrap!r} is not <Kafka>-kafka-bootstrap:<internal listener port>")
    for key, value in (("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), ("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                       ("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")):
        if data.get(key) != value:
            problems.add(platform.where, f"{key} must be {value} (the TLS + SCRAM listener), not {data.get(key)!r}")
    if not data.get("KAFKA_SSL_TRUSTSTORE_LOCATION"):
        problems.add(platform.where, "KAFKA_SSL_TRUSTSTORE_LOCATION must point at the mounted cluster CA")


def check_kafka_users(users, deployments, kafkas, config_maps, problems):
    """A KafkaUser per service, with exactly the ACLs its code needs, wired into its Deployment."""
    truststore = ((config_maps.get("tuneforge-platform") or Doc({}, "", 0)).obj.get("data") or {}).get(
        "KAFKA_SSL_TRUSTSTORE_LOCATION", "")
    services = {name: d for name, d in deployments.items()
                if (d.obj["spec"]["template"]["metadata"].get("labels") or {}).get("app.kubernetes.io/component") == "service"}
    for name, user in users.items():
        if name not in services:
            problems.add(user.where, f"KafkaUser {name} is no service Deployment: an identity nobody uses")
    for name, dep in services.items():
        if module_properties(name) is None:
            problems.add(dep.where, f"no module {name}/ with src/main/resources/application.properties to derive its Kafka needs")
            continue
        user = users.get(name)
        if user is None:
            problems.add(dep.where, f"no KafkaUser {name}: the service cannot authenticate to Kafka")
            continue
        spec = user.obj.get("spec") or {}
        if (user.obj["metadata"].get("labels") or {}).get("strimzi.io/cluster") not in kafkas:
            problems.add(user.where, "label strimzi.io/cluster names no Kafka")
        if (spec.get("authentication") or {}).get("type") != "scram-sha-512":
            problems.add(user.where, "authentication.type must be scram-sha-512 (the listener's)")
        authorization = spec.get("authorization") or {}
        if authorization.get("type") != "simple":
            problems.add(user.where, "authorization.type must be simple")
        granted = set()
        for acl in authorization.get("acls") or []:
            resource = acl.get("resource") or {}
            if resource.get("patternType", "literal") != "literal":
                problems.add(user.where, f"ACL on {resource.get('name')}: only literal names (a prefix grants topics nobody reviewed)")
            for op in acl.get("operations") or []:
                if op != "Describe":
                    granted.add((resource.get("type"), resource.get("name"), op))
        needed = kafka_needs(name)
        for kind, resource, op in sorted(needed - granted):
            problems.add(user.where, f"missing ACL {op} on {kind} {resource} (the code needs it)")
        for kind, resource, op in sorted(granted - needed):
            problems.add(user.where, f"ACL {op} on {kind} {resource} grants more than the code needs")
        containers = dep.obj["spec"]["template"]["spec"].get("containers") or []
        jaas = [e for c in containers for e in c.get("env") or [] if e.get("name") == "KAFKA_SASL_JAAS_CONFIG"]
        ref = ((jaas[0].get("valueFrom") or {}).get("secretKeyRef") or {}) if jaas else {}
        if ref.get("name") != name or ref.get("key") != "sasl.jaas.config":
            problems.add(dep.where, f"KAFKA_SASL_JAAS_CONFIG must come from Secret {name} key sasl.jaas.config "
                                    "(what Strimzi writes for the KafkaUser)")
        ca_volumes = {v.get("name") for v in dep.obj["spec"]["template"]["spec"].get("volumes") or []
                      if (v.get("secret") or {}).get("secretName") in {f"{k}-cluster-ca-cert" for k in kafkas}}
        mounts = {m.get("mountPath") for c in containers for m in c.get("volumeMounts") or [] if m.get("name") in ca_volumes}
        if os.path.dirname(truststore) not in mounts:
            problems.add(dep.where, f"Strimzi's <kafka>-cluster-ca-cert must be mounted at {os.path.dirname(truststore)} "
                                    "(KAFKA_SSL_TRUSTSTORE_LOCATION)")


def check_network_policies(policies, deployments, services, problems):
    """Default deny for the platform's pods, and exactly the service-to-service paths the code uses."""
    platform = {name: d for name, d in deployments.items()
                if (d.obj["spec"]["template"]["metadata"].get("labels") or {}).get("app.kubernetes.io/component")
                in ("service", "web")}

    def labels(dep):
        return dep.obj["spec"]["template"]["metadata"].get("labels") or {}

    def selects(policy, dep):
        return labels_match(policy.obj["spec"].get("podSelector"), labels(dep), empty_matches=True)

    def types(policy):
        return set(policy.obj["spec"].get("policyTypes") or [])

    def peers_allow(peers, dep):
        """Whether a rule's from/to list admits the pods of dep (same namespace, pod selectors only)."""
        return any("podSelector" in peer and "namespaceSelector" not in peer and "ipBlock" not in peer
                   and labels_match(peer["podSelector"], labels(dep)) for peer in peers or [])

    for name, dep in platform.items():
        if not any(selects(p, dep) and {"Ingress", "Egress"} <= types(p) and not p.obj["spec"].get("ingress")
                   and not p.obj["spec"].get("egress") for p in policies):
            problems.add(dep.where, "no default-deny NetworkPolicy (Ingress and Egress, no rules) selects it")

    def allowed(caller, callee):
        egress = any(selects(p, caller) and "Egress" in types(p) and any(peers_allow(r.get("to"), callee)
                     for r in p.obj["spec"].get("egress") or []) for p in policies)
        ingress = any(selects(p, callee) and "Ingress" in types(p) and any(peers_allow(r.get("from"), caller)
                      for r in p.obj["spec"].get("ingress") or []) for p in policies)
        return egress, ingress

    for caller_name, caller in platform.items():
        calls = service_calls(caller_name)
        for callee_name, callee in platform.items():
            if callee_name == caller_name:
                continue
            egress, ingress = allowed(caller, callee)
            if callee_name in calls:
                if not egress:
                    problems.add(caller.where, f"calls {callee_name} (its TUNEFORGE_*_URL), but no NetworkPolicy allows that egress")
                if not ingress:
                    problems.add(callee.where, f"is called by {caller_name}, but no NetworkPolicy admits it")
            elif egress or ingress:
                where = caller.where if egress else callee.where
                problems.add(where, f"a NetworkPolicy allows {caller_name} -> {callee_name}, a call the code does not make")


# ---------------------------------------------------------------- main

def overlay_namespace(directory):
    return (load_yaml_docs(os.path.join(directory, "kustomization.yaml"))[0] or {}).get("namespace")


def identity(obj):
    md = obj.get("metadata") or {}
    return (obj.get("apiVersion"), obj.get("kind"), md.get("namespace"), md.get("name"))


def main(argv):
    problems = Problems()
    if argv[:1] == ["--rendered"]:
        if len(argv) != 4 or argv[2] != "--overlay":
            sys.exit(__doc__)
        rendered, overlay = argv[1], argv[3]
        try:
            theirs = [Doc(o, rendered, i) for i, o in enumerate(load_yaml_docs(rendered))]
            ours = render(overlay)
        except RenderError as e:
            print(f"check-manifests: {e}", file=sys.stderr)
            return 1
        problems.context = f"[kubectl kustomize {overlay}] "
        check(theirs, problems, overlay_namespace(overlay))
        mine = {identity(d.obj): d.obj for d in ours}
        for d in theirs:
            other = mine.pop(identity(d.obj), None)
            if other is None:
                problems.add(d.where, "kubectl renders it, the built-in resolver does not")
            elif json.dumps(other, sort_keys=True) != json.dumps(d.obj, sort_keys=True):
                problems.add(d.where, "kubectl and the built-in resolver render it differently")
        for obj in mine.values():
            problems.add(overlay, f"{obj['kind']}/{obj['metadata']['name']}: rendered by the built-in resolver, not by kubectl")
        label = f"{rendered} (kubectl kustomize {overlay})"
    else:
        if not argv or argv[0].startswith("-"):
            sys.exit(__doc__)
        for overlay in argv:
            try:
                docs = render(overlay)
            except RenderError as e:
                print(f"check-manifests: {e}", file=sys.stderr)
                return 1
            problems.context = f"[{overlay}] "
            check(docs, problems, overlay_namespace(overlay))
            print(f"check-manifests: {overlay}: {len(docs)} objects rendered")
        label = ", ".join(argv)
    for line in problems.lines:
        print(f"check-manifests: {line}", file=sys.stderr)
    if problems.lines:
        print(f"check-manifests: {len(problems.lines)} problem(s) in {label}", file=sys.stderr)
        return 1
    print(f"check-manifests: {label}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
