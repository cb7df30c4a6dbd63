SUMMARY = "A text file fixed by a patch in SRC_URI"
LICENSE = "MIT"

SRC_URI = "file://greeting.txt \
           file://0001-fix-greeting.patch \
           "
S = "${WORKDIR}"

do_install() {
	install -d ${D}${datadir}/greeting
	install -m 0644 greeting.txt ${D}${datadir}/greeting/
}
