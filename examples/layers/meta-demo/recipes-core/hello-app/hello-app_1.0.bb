SUMMARY = "The demo application: links libhello from its recipe sysroot"
LICENSE = "MIT"

DEPENDS = "hello-lib gen-tool-native"
RDEPENDS:${PN} = "hello-lib"

SRC_URI = "file://main.c"
S = "${WORKDIR}"

APP_VERSION = "${PV}"

do_compile() {
	gen-version "${APP_VERSION}" > version.h
	${CC} ${CFLAGS} ${LDFLAGS} -o hello-app main.c -lhello
}

do_install() {
	install -d ${D}${bindir}
	install -m 0755 hello-app ${D}${bindir}/
}
