#!/bin/bash
# err-schema-validation: files that kas' schema and loader reject before touching any repository: unknown
# keys at any level, wrong types, missing header/version, unsupported versions, bad include entries,
# 'layers:' null, bad layer values and prios, unknown enums, a bad extension, YAML syntax errors, a
# non-mapping top level, signer rule violations, _source_dir outside the top file. All exit 2 (the
# error texts differ between implementations and are compared softly), except a JSON syntax error,
# which kas 5.4 lets escape as an internal error (exit 1).
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
project_copy
for f in "$PRJ"/*.yml "$PRJ"/*.txt "$PRJ"/*.json; do
    n=$(basename "$f"); n=${n%.*}
    [ "$n" != inc-with-source-dir ] || continue
    kas_run "dump-$n" dump "../project/$(basename "$f")"
done
case_finish
