#!/usr/bin/env bash
# make bench: time plansite against Hugo (its anchor and equal-work sites) and
# the floor of the output on synthetic tables of 10,000 and 100,000 tasks, the
# real table, and the preview's reload delay.
# Installs Debian's Hugo when it is missing and the machine allows it.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v hugo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y hugo >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y hugo >/dev/null 2>&1; } ||
      echo "bench: could not install hugo; timing plansite alone" >&2
  fi
fi
CGO_ENABLED=0 go build -o bin/plansite ./cmd/plansite # as make builds it
go build -o bin/plansite-bench ./cmd/plansite-bench
exec bin/plansite-bench -plansite bin/plansite -anchor "${HUGO_ANCHOR:-../shared/bench/hugo-anchor}" \
  -equal "${HUGO_EQUAL:-../shared/bench/hugo-equal}" "$@"
