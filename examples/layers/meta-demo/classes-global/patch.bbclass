# Applies the *.patch and *.diff entries of SRC_URI to ${S}, in order, after do_unpack (oe-core applies them
# with quilt from a python task; the demo uses patch(1) from a shell task).

do_patch() {
	src_uri="${SRC_URI}"
	for url in $src_uri; do
		name=${url%%;*}
		name=${name#file://}
		case $name in
		*.patch|*.diff)
			echo "NOTE: applying $name"
			patch -p1 -d ${S} < ${WORKDIR}/$(basename $name)
			;;
		esac
	done
}

addtask patch after do_unpack
do_patch[dirs] = "${S}"
