SUMMARY = "Prints the image's greeting: sources from a local git repository, pinned by SRCREV"
LICENSE = "MIT"

# build/make-demo-sources creates the repository (one commit with a fixed author and date).
DEMO_SOURCES ?= "${TOPDIR}/../sources"
SRC_URI = "git://${DEMO_SOURCES}/greeter.git;protocol=file;branch=main"
SRCREV = "f6aeab3c33aa2990c323a56214b9fbc22b0ddfc9"
PV = "1.0+git"
S = "${WORKDIR}/git"

do_install() {
	install -d ${D}${bindir}
	install -m 0755 greeter.sh ${D}${bindir}/greeter
}
