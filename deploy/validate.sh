#!/usr/bin/env bash
# Validates what CI cannot run (no container engine, no Kubernetes cluster):
#   1. docker-compose.yml, with Debian's docker-compose v1, whose `config` needs no engine;
#   2. the Dockerfiles it builds from;
#   3. every kustomize overlay under deploy/k8s/overlays, with deploy/check-manifests.py, and, where
#      kubectl is installed, that kubectl renders exactly what the checker rendered.
# Installs docker-compose and PyYAML from Debian's packages when missing (CI runs as root).
# Exits non-zero on the first failing step, with the file at fault in the message.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

say() { echo "validate: $*"; }
fail() { echo "validate: FAILED: $*" >&2; exit 1; }

install_debian() {  # package, what for
  say "installing $1 ($2)"
  if ! { apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$1" >/dev/null; }; }; then
    fail "$1 is not installed and could not be installed (no network, or not root?); install it with: apt-get install -y $1"
  fi
}
command -v docker-compose >/dev/null 2>&1 || install_debian docker-compose "validates docker-compose.yml without an engine"
python3 -c 'import yaml' 2>/dev/null || install_debian python3-yaml "parses the Kubernetes manifests"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- docker-compose.yml --------------------------------------------------------------------------
# .env.example is committed: it must name every secret but hold none.
if leaked=$(grep -nE '^[A-Z_]*(KEY|KEYS|PASSWORD|SECRET)[A-Z_]*=.+' .env.example); then
  fail ".env.example must leave secrets empty, found: $leaked"
fi
# Without secrets the file must refuse to start, rather than start services with empty keys.
if docker-compose --env-file .env.example -f docker-compose.yml config -q >/dev/null 2>&1; then
  fail "docker-compose.yml accepts an .env without secrets; every secret needs \${VAR:?message}"
fi
# With the values deploy/compose-env.sh generates, it must be valid, with and without the simulator.
deploy/compose-env.sh > "$work/env" 2>/dev/null
for profile in "" simulator; do
  if ! docker-compose --env-file "$work/env" -f docker-compose.yml ${profile:+--profile "$profile"} config -q; then
    fail "docker-compose.yml${profile:+ (profile $profile)}: docker-compose config rejected it (message above)"
  fi
done
docker-compose --env-file "$work/env" -f docker-compose.yml config > "$work/compose.yml"
python3 - "$work/compose.yml" <<'PY' || fail "docker-compose.yml: a build refers to a missing Dockerfile (above)"
import os, sys, yaml
services = yaml.safe_load(open(sys.argv[1]))["services"]
missing = [f"{name}: {b['context']}/{b.get('dockerfile', 'Dockerfile')}"
           for name, s in services.items() if (b := s.get("build"))
           and not os.path.isfile(os.path.join(b["context"], b.get("dockerfile", "Dockerfile")))]
for m in missing:
    print(f"validate: missing Dockerfile for {m}", file=sys.stderr)
sys.exit(1 if missing else 0)
PY
# Kafka in compose: authenticated on every listener, authorizer on, topics and ACLs from the generated
# setup script, which must be what deploy/compose-kafka-setup.py makes of deploy/k8s today.
python3 - "$work/compose.yml" <<'PY' || fail "docker-compose.yml: Kafka security (problems above)"
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))["services"]
problems = []
env = c["kafka"]["environment"]
if any(p.split(":")[1] != "SASL_PLAINTEXT" for p in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(",")):
    problems.append("kafka: every listener must be SASL_PLAINTEXT")
if "StandardAuthorizer" not in env.get("KAFKA_AUTHORIZER_CLASS_NAME", "") or env.get("KAFKA_SUPER_USERS") != "User:admin":
    problems.append("kafka: the StandardAuthorizer with admin as the only super user is required")
if env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE") != "false":
    problems.append("kafka: topic auto-creation must be off (kafka-setup creates them)")
for name, s in c.items():
    e = s.get("environment") or {}
    if "TUNEFORGE_KAFKA_BOOTSTRAP" in e:
        if e.get("KAFKA_SECURITY_PROTOCOL") != "SASL_PLAINTEXT" or f'username="{name}"' not in e.get("KAFKA_SASL_JAAS_CONFIG", ""):
            problems.append(f"{name}: needs KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT and its own user {name} in KAFKA_SASL_JAAS_CONFIG")
        if f'user_{name}=' not in env["KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG"]:
            problems.append(f"kafka: no SASL user {name}")
        if (s.get("depends_on") or {}).get("kafka-setup", {}).get("condition") != "service_completed_successfully":
            problems.append(f"{name}: must wait for kafka-setup (its topics and ACLs)")
for p in problems:
    print(f"validate: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
python3 deploy/compose-kafka-setup.py > "$work/kafka-setup.sh"
diff -u deploy/compose-kafka-setup.sh "$work/kafka-setup.sh" >&2 \
  || fail "deploy/compose-kafka-setup.sh is stale: run deploy/compose-kafka-setup.py > deploy/compose-kafka-setup.sh"
say "docker-compose.yml: ok ($(docker-compose --env-file "$work/env" -f docker-compose.yml --profile simulator config --services | wc -l) services)"

# --- Kubernetes ------------------------------------------------------------------------------------
overlays=(deploy/k8s/overlays/*/)
overlays=("${overlays[@]%/}")
python3 deploy/check-manifests.py "${overlays[@]}" || fail "deploy/k8s (problems above)"
if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
  for overlay in "${overlays[@]}"; do
    out="$work/$(basename "$overlay").yaml"
    kubectl kustomize "$overlay" > "$out" || fail "$overlay: kubectl kustomize failed (message above)"
    python3 deploy/check-manifests.py --rendered "$out" --overlay "$overlay" || fail "$overlay: kubectl's rendering (problems above)"
  done
else
  say "kubectl not installed: overlays checked with the built-in renderer only"
fi
say "all checks passed"
