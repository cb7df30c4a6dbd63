# Applies the *.patch and *.diff entries of SRC_URI, in order, after do_unpack.

python patch_do_patch() {
    for url in (d.getVar('SRC_URI') or "").split():
        local = url.split(';')[0]
        if local.endswith(('.patch', '.diff')):
            bb.note("applying %s" % local)
            oe.patch.apply(local, d)
}

addtask patch after do_unpack
do_patch[dirs] = "${S}"

EXPORT_FUNCTIONS do_patch
