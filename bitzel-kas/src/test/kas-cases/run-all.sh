#!/bin/bash
# Runs bitzel-kas' own conformance cases (expected results recorded with kas 5.4):
#   ./run-all.sh KAS_CMD [CASE...]      e.g. ./run-all.sh "$PWD/../../../../bitzel kas"
set -u
[ $# -ge 1 ] || { echo "usage: $0 KAS_CMD [CASE...]" >&2; exit 99; }
kas_cmd=$1; shift
here=$(cd "$(dirname "$0")" && pwd -P)
if [ $# -gt 0 ]; then cases=("$@"); else
    cases=(); for d in "$here"/*/; do n=$(basename "$d"); [ "$n" = _lib ] || cases+=("$n"); done
fi
pass=0; fail=0; failed=()
for c in "${cases[@]}"; do
    if "$here/$c/run.sh" "$kas_cmd"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed+=("$c"); fi
done
echo "== $pass passed, $fail failed"
[ $fail = 0 ] || { printf '   failed: %s\n' "${failed[@]}"; exit 1; }
