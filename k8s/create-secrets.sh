#!/usr/bin/env bash
# Creates the Secrets the manifests reference, with random values, in the namespace given (default
# imagestreams), creating the namespace when it is missing. A Secret that exists already is left as it is, so
# running this again changes nothing. Needs kubectl (pointed at the cluster), head, base64 and tr.
#
#   k8s/create-secrets.sh [namespace]
#
# The values never leave the cluster; read one back with e.g.
#   kubectl -n imagestreams get secret import-service-keys -o jsonpath='{.data.notifications-secret}' | base64 -d
set -euo pipefail

namespace=${1:-imagestreams}

key() {  # base64 of N random bytes (an AES key)
  head -c "$1" /dev/urandom | base64 | tr -d '\n'
}

password() {  # 32 characters of [A-Za-z0-9], safe in URLs and YAML
  head -c 48 /dev/urandom | base64 | tr -d '\n+/=' | head -c 32
}

create() {  # create NAME TYPE KEY=VALUE...
  local name=$1 type=$2 args=()
  shift 2
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
    return
  fi
  for pair in "$@"; do
    args+=("--from-literal=$pair")
  done
  kubectl -n "$namespace" create secret generic "$name" --type="$type" "${args[@]}"
}

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

# PostgreSQL roles (the CloudNativePG cluster creates them from these; the services log in with them)
create stream-service-db kubernetes.io/basic-auth username=stream_service password="$(password)"
create prune-service-db kubernetes.io/basic-auth username=prune_service password="$(password)"
# MongoDB users (components/mongodb/init-users.js creates them; the services log in with them)
create import-service-mongodb kubernetes.io/basic-auth username=import_service password="$(password)"
create trigger-service-mongodb kubernetes.io/basic-auth username=trigger_service password="$(password)"
create mongodb-root kubernetes.io/basic-auth username=root password="$(password)"
# import-service: the AES-256 key of stored pull credentials (base64 of 32 bytes: losing it makes stored
# credentials unreadable) and the bearer secret of registry push notifications
create import-service-keys Opaque credentials-encryption-key="$(key 32)" notifications-secret="$(password)"
# trigger-service: the AES key webhook secrets are encrypted with at rest (base64 of 32 bytes)
create trigger-service-keys Opaque webhook-secret-encryption-key="$(key 32)"
