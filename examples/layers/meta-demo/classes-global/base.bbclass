# The task set every recipe gets, in the shape of oe-core's base.bbclass: sources are fetched and unpacked by
# BitBake's fetcher (python tasks), the rest are shell tasks.

LICENSE ??= "CLOSED"

def base_workdir_note(d):
    return "work directory of %s" % d.getVar('PN')

python base_do_fetch() {
    src_uri = (d.getVar('SRC_URI') or "").split()
    if not src_uri:
        return
    fetcher = bb.fetch2.Fetch(src_uri, d)
    fetcher.download()
}

python base_do_unpack() {
    src_uri = (d.getVar('SRC_URI') or "").split()
    if not src_uri:
        return
    fetcher = bb.fetch2.Fetch(src_uri, d)
    fetcher.unpack(d.getVar('WORKDIR'))
}

base_do_configure() {
	:
}

base_do_compile() {
	if [ -e Makefile -o -e makefile -o -e GNUmakefile ]; then
		oe_runmake
	fi
}

base_do_install() {
	:
}

oe_runmake() {
	${MAKE} ${EXTRA_OEMAKE} "$@" || bbfatal "oe_runmake failed"
}

bbfatal() {
	echo "ERROR: $*" >&2
	exit 1
}

MAKE ?= "make"
EXTRA_OEMAKE ?= ""

do_fetch[dirs] = "${DL_DIR}"
do_fetch[network] = "1"
# a git source's pinned revision is part of what the fetch and unpack produce
do_fetch[vardeps] += "SRCREV"
do_unpack[vardeps] += "SRCREV"
do_unpack[dirs] = "${WORKDIR}"
do_configure[dirs] = "${B}"
do_compile[dirs] = "${B}"
do_install[dirs] = "${B}"
do_install[cleandirs] = "${D}"

addtask fetch
addtask unpack after do_fetch
addtask configure after do_patch do_prepare_recipe_sysroot
addtask compile after do_configure
addtask install after do_compile
addtask build after do_populate_sysroot do_package

do_build[noexec] = "1"
do_build[nostamp] = "1"
do_build[recrdeptask] += "do_deploy"

EXPORT_FUNCTIONS do_fetch do_unpack do_configure do_compile do_install

inherit patch staging package
