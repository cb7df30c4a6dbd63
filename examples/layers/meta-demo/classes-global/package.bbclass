# Packages what do_install put in ${D}: one tarball per recipe, named after ${PN}, in ${DEPLOY_DIR_PKG} (oe-core
# splits ${D} into several packages by FILES and writes .ipk/.rpm/.deb; the demo keeps one package per recipe).

do_package() {
	mkdir -p ${PKGDEST}/${PN}
	cp -R ${D}/. ${PKGDEST}/${PN}/
	tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
		-C ${PKGDEST}/${PN} -cf ${DEPLOY_DIR_PKG}/${PN}.tar .
}

addtask package after do_install
do_package[cleandirs] = "${PKGDEST}"
# the shared output directory, declared so that Bitzel's sandbox lets the task write there
do_package[dirs] = "${DEPLOY_DIR_PKG}"
