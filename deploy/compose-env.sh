#!/usr/bin/env bash
# Prints a filled-in .env for docker-compose.yml: .env.example with every secret set to a fresh
# random value, and one tenant ("local", or $1) with a fresh API key. The key itself goes to stderr
# only, because the platform is configured with its hash and nobody can recover it later.
#
#   deploy/compose-env.sh > .env            # then: docker-compose up -d --build
#   deploy/compose-env.sh acme > .env
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tenant="${1:-local}"

random_key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
sha256() { printf %s "$1" | sha256sum | cut -d' ' -f1; }

api_key="tf_$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
declare -A value=(
  [TUNEFORGE_DB_PASSWORD]="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  [TUNEFORGE_TENANCY_API_KEYS]="$tenant:$(sha256 "$api_key")"
  [TUNEFORGE_COST_ADMIN_TENANTS]="$tenant"
  [TUNEFORGE_TRAINING_SECRET_KEY]="$(random_key)"
)
registry=()
for service in dataset training eval cost gateway; do
  key="$(random_key)"
  value[TUNEFORGE_${service^^}_SERVICE_KEY]="$key"
  registry+=("$service-service:$(sha256 "$key")")
done
# Kafka passwords go into JAAS lines between double quotes: letters and digits only.
for user in ADMIN DATASET TRAINING EVAL COST GATEWAY; do
  value[TUNEFORGE_KAFKA_${user}_PASSWORD]="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
done
value[TUNEFORGE_TENANCY_SERVICE_KEYS]="$(IFS=,; echo "${registry[*]}")"

while IFS= read -r line; do
  name="${line%%=*}"
  if [[ "$line" != \#* && "$line" == *=* && -n "${value[$name]+set}" ]]; then
    echo "$name=${value[$name]}"
  else
    echo "$line"
  fi
done < "$root/.env.example"

echo "compose-env: tenant '$tenant' API key (shown once, only its hash is in the output): $api_key" >&2
