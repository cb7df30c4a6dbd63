package dev.bitzel.examples.build;

/** The fixed parts of a {@code run.do_TASK} script, as BitBake writes them. */
final class ShellScripts {

    private ShellScripts() {
    }

    /** The prologue: report the failing command and stop at the first error ({@code set -e}). */
    static final String TRAP_CODE = """
            #!/bin/sh

            __BITBAKE_LAST_LINE=0

            # Emit a useful diagnostic if something fails:
            bb_sh_exit_handler() {
                ret=$?
                if [ "$ret" != 0 ]; then
                    echo "WARNING: exit code $ret from a shell command."
                fi
                exit $ret
            }

            bb_bash_exit_handler() {
                ret=$?
                { set +x; } > /dev/null
                trap "" DEBUG
                if [ "$ret" != 0 ]; then
                    echo "WARNING: ${BASH_SOURCE[0]}:${__BITBAKE_LAST_LINE} exit $ret from '$1'"
                fi
                exit $ret
            }

            bb_bash_debug_handler() {
                local line=${BASH_LINENO[0]}
                if [ "$line" -eq 1 ]; then
                    return
                fi
                if [ "${FUNCNAME[1]}" != "bb_bash_exit_handler" ]; then
                    __BITBAKE_LAST_LINE=$line
                fi
            }

            case $BASH_VERSION in
            "") trap 'bb_sh_exit_handler' 0
                set -e
                ;;
            *)  trap 'bb_bash_exit_handler "$BASH_COMMAND"' 0
                trap '{ bb_bash_debug_handler; } 2>/dev/null' DEBUG
                set -e
                shopt -s extdebug
                ;;
            esac
            """;

    /** The epilogue: pass the function's status on. */
    static final String CLEANUP = """

            # cleanup
            ret=$?
            trap '' 0
            exit $ret
            """;
}
