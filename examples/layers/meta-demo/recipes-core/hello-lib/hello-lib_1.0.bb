SUMMARY = "A tiny shared library that the demo application links against"
LICENSE = "MIT"

SRC_URI = "file://hello.c file://hello.h file://Makefile"
S = "${WORKDIR}"

do_install() {
	install -d ${D}${libdir} ${D}${includedir}
	install -m 0755 libhello.so.1 ${D}${libdir}/
	ln -sf libhello.so.1 ${D}${libdir}/libhello.so
	install -m 0644 hello.h ${D}${includedir}/
}
