# Assembles a root file system tarball from the packages of IMAGE_INSTALL.

LICENSE = "MIT"
PACKAGES = ""
IMAGE_INSTALL ?= ""
IMAGE_ROOTFS = "${WORKDIR}/rootfs"
IMAGE_NAME = "${PN}-${MACHINE}"

deltask do_configure
deltask do_compile
deltask do_install
deltask do_populate_sysroot
deltask do_package
deltask do_prepare_recipe_sysroot
deltask do_patch

do_rootfs() {
	for pkg in ${IMAGE_INSTALL}; do
		tar -C ${IMAGE_ROOTFS} -xf ${DEPLOY_DIR_PKG}/$pkg.tar
	done
}

do_image_tar() {
	tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
		-C ${IMAGE_ROOTFS} -cf ${DEPLOY_DIR_IMAGE}/${IMAGE_NAME}.rootfs.tar .
}

addtask rootfs after do_unpack before do_build
addtask image_tar after do_rootfs before do_build
do_rootfs[cleandirs] = "${IMAGE_ROOTFS}"
do_rootfs[recrdeptask] = "do_package"
do_image_tar[dirs] = "${DEPLOY_DIR_IMAGE}"
