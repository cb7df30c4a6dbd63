# Sharing build results between recipes, in the shape of oe-core's staging.bbclass: a recipe's
# do_populate_sysroot publishes its headers, libraries and tools as a sysroot component, and
# do_prepare_recipe_sysroot assembles the recipe's own sysroots from the components of what it DEPENDS on
# (-native dependencies into the native sysroot, the others into the target sysroot).

do_populate_sysroot() {
	for dir in ${includedir} ${libdir} ${bindir}; do
		if [ -d ${D}$dir ]; then
			mkdir -p ${SYSROOT_DESTDIR}$dir
			cp -R ${D}$dir/. ${SYSROOT_DESTDIR}$dir/
		fi
	done
	mkdir -p ${COMPONENTS_DIR}/${PN}
	cp -R ${SYSROOT_DESTDIR}/. ${COMPONENTS_DIR}/${PN}/
}
addtask populate_sysroot after do_install
do_populate_sysroot[cleandirs] = "${SYSROOT_DESTDIR} ${COMPONENTS_DIR}/${PN}"

do_prepare_recipe_sysroot() {
	for dep in ${DEPENDS}; do
		case $dep in
		*-native) dest=${RECIPE_SYSROOT_NATIVE} ;;
		*) dest=${RECIPE_SYSROOT} ;;
		esac
		if [ -d ${COMPONENTS_DIR}/$dep ]; then
			cp -R ${COMPONENTS_DIR}/$dep/. $dest/
		fi
	done
}
addtask prepare_recipe_sysroot after do_fetch
do_prepare_recipe_sysroot[deptask] = "do_populate_sysroot"
do_prepare_recipe_sysroot[cleandirs] = "${RECIPE_SYSROOT} ${RECIPE_SYSROOT_NATIVE}"
