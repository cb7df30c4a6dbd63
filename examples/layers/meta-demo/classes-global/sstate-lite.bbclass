# Installs a recipe's headers and libraries into its sysroot staging area so that recipes which DEPEND on it
# find them in their recipe sysroot.

do_populate_sysroot() {
	mkdir -p ${SYSROOT_DESTDIR}
	if [ -d ${D}${includedir} ]; then
		mkdir -p ${SYSROOT_DESTDIR}${includedir}
		cp -R ${D}${includedir}/. ${SYSROOT_DESTDIR}${includedir}/
	fi
	if [ -d ${D}${libdir} ]; then
		mkdir -p ${SYSROOT_DESTDIR}${libdir}
		cp -R ${D}${libdir}/. ${SYSROOT_DESTDIR}${libdir}/
	fi
	if [ -d ${D}${bindir} ]; then
		mkdir -p ${SYSROOT_DESTDIR}${bindir}
		cp -R ${D}${bindir}/. ${SYSROOT_DESTDIR}${bindir}/
	fi
}

addtask populate_sysroot after do_install
do_populate_sysroot[cleandirs] = "${SYSROOT_DESTDIR}"
