# bitzel-kas' own conformance cases, in the format of the shared kas-cases (see their README.md):
# this file sources the shared helpers and uses their fixtures. KAS_CASES_LIB points at the shared
# kas-cases/_lib directory (default: /work/shared/checks/kas-cases/_lib).
KAS_CASES_LIB=${KAS_CASES_LIB:-/work/shared/checks/kas-cases/_lib}
[ -f "$KAS_CASES_LIB/common.sh" ] || { echo "error: no $KAS_CASES_LIB/common.sh (set KAS_CASES_LIB)" >&2; exit 99; }
. "$KAS_CASES_LIB/common.sh"
eval "_shared_$(declare -f case_init)"
case_init() { _shared_case_init "$@"; LIB_DIR=$KAS_CASES_LIB; }
