# Splits the installed files into packages by FILES:<package>.

python do_package() {
    pkgdest = d.getVar('PKGDEST')
    for pkg in (d.getVar('PACKAGES') or "").split():
        files = (d.getVar('FILES:' + pkg) or "").split()
        oe.package.split_files(d.getVar('D'), os.path.join(pkgdest, pkg), files)
}

addtask package after do_install
do_package[cleandirs] = "${PKGDEST}"
