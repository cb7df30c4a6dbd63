#!/bin/bash
# Records the expected .config.yaml of the menu scenarios with a kas 5.4 oracle: ORACLE="python3 /path/oracle.py"
# runs kas' menu plugin load/save logic without its TUI. Each scenario: scenarios/NAME.args (one SYMBOL=VALUE per
# line), optional scenarios/NAME.in.yaml (an existing .config.yaml); results: scenarios/NAME.expected.yaml (without
# the comment header) and NAME.expected.rc. The project is copied to a temp dir outside any VCS, which kas then
# records as _source_dir (written here as @PROJECT@).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for args in "$here"/scenarios/*.args; do
    name=$(basename "$args" .args)
    work=$(mktemp -d)
    cp -R "$here/project" "$work/project"
    mkdir "$work/work"
    [ ! -f "$here/scenarios/$name.in.yaml" ] || sed "s#@PROJECT@#$work/project#" "$here/scenarios/$name.in.yaml" > "$work/work/.config.yaml"
    rc=0; (cd "$work/work" && KAS_MENU_TEST_ENV=from-env $ORACLE ../project/Kconfig $(cat "$args")) 2> /dev/null || rc=$?
    echo "$rc" > "$here/scenarios/$name.expected.rc"
    if [ "$rc" = 0 ] && [ -f "$work/work/.config.yaml" ]; then
        grep -v '^#' "$work/work/.config.yaml" | sed "s#$work/project#@PROJECT@#" > "$here/scenarios/$name.expected.yaml"
    fi
    rm -rf "$work"
done
