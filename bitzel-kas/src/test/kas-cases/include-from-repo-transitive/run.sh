#!/bin/bash
# include-from-repo-transitive: {repo, file} includes. The project includes kas/a.yml from layer-a;
# that file defines layer-b and includes kas/b.yml from it, which defines core and includes
# kas/core.yml from core (string include, relative to core's root). kas fetches in rounds until every
# include can be read; the merge order is the include order. Committed files name upstreams as
# https://git.invalid/upstream/X (mapped by KAS_PREMIRRORS).
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_core
repo_file core kas/core.yml "$(printf 'header:\n  version: 23\n  includes:\n    - kas/core-leaf.yml\nrepos:\n  core:\n    layers:\n      meta:\n      meta-skeleton:\n')"
repo_file core kas/core-leaf.yml "$(printf 'header:\n  version: 20\nmachine: from-core-leaf\n')"
repo_commit core "core: kas files"
fixture_layer layer-a
fixture_layer layer-b
repo_file layer-b kas/b.yml "$(printf 'header:\n  version: 23\n  includes:\n    - repo: core\n      file: kas/core.yml\nrepos:\n  core:\n    url: %s/core\n    branch: main\ndistro: from-b\nlocal_conf_header:\n  local: |\n    LOCAL = "from b"\n' "$FAKE_UPSTREAM")"
repo_commit layer-b "layer-b: kas file"
repo_file layer-a kas/a.yml "$(printf 'header:\n  version: 23\n  includes:\n    - repo: layer-b\n      file: kas/b.yml\nrepos:\n  layer-b:\n    url: %s/layer-b\n    branch: main\nmachine: from-a\n' "$FAKE_UPSTREAM")"
repo_commit layer-a "layer-a: kas file"
record_upstream_revs
project_copy
use_premirror
kas_run dump dump ../project/kas.yml
kas_run checkout checkout ../project/kas.yml
collect_conf
collect_listing work "$WORK" 1
collect_repo core "$WORK/core"
collect_repo layer-b "$WORK/layer-b"
# a repo include of a repo that no file defines
mkdir -p "$T/w2"
printf 'header:\n  version: 23\n  includes:\n    - repo: nowhere\n      file: kas/x.yml\n' > "$PRJ/missing.yml"
KAS_CWD=$T/w2 kas_run dump-missing dump ../project/missing.yml
case_finish
