#!/bin/bash
# err-include-traversal: an include may not leave the repository it is addressed in, after resolving
# '..' and symlinks: a string include with ../ (the project is a git repo: its root is the base), an
# absolute path outside it, a symlink inside the repo pointing outside, a {repo, file} include with
# ../ or an absolute path. A '..' that stays inside is fine. All failures exit 2.
. "$(dirname "$0")/../_lib/common.sh"
case_init "$@"
fixture_layer layer-a
record_upstream_revs
project_copy
mkdir -p "$PRJ/sub/inner"
printf 'header:\n  version: 23\nmachine: outside\n' > "$T/outside.yml"
cp "$T/outside.yml" "$PRJ/outside.yml"
ln -s "$T/outside.yml" "$PRJ/sub/link.yml"
project_git
kas_run dump-ok dump ../project/sub/ok.yml
kas_run dump-up dump ../project/sub/up.yml
kas_run dump-abs dump ../project/sub/abs.yml
kas_run dump-symlink dump ../project/sub/symlinked.yml
kas_run dump-repo-up dump ../project/sub/repo-up.yml
kas_run dump-repo-abs dump ../project/sub/repo-abs.yml
case_finish
