SUMMARY = "Generates a C header at build time; built for the host as gen-tool-native"
LICENSE = "MIT"

SRC_URI = "file://gen-version.sh"
S = "${WORKDIR}"

do_install() {
	install -d ${D}${bindir}
	install -m 0755 gen-version.sh ${D}${bindir}/gen-version
}

BBCLASSEXTEND = "native"
