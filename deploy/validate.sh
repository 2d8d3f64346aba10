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
