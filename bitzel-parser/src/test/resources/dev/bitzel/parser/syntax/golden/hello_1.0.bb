# A made-up recipe exercising every recipe statement.
SUMMARY = "Greets the world"
LICENSE = "MIT"
LIC_FILES_CHKSUM = "file://COPYING;md5=0123456789abcdef"

SRC_URI = "https://example.org/hello-${PV}.tar.gz \
           file://fix-build.patch \
           "
SRC_URI[sha256sum] = "abc"

require hello.inc
include optional-${MACHINE}.inc
inherit autotools pkgconfig
inherit_defer ${@'native' if d.getVar('X') else ''}

DEPENDS += "zlib"
DEPENDS:append:class-target = " openssl"
RDEPENDS:${PN} =+ 'bash'
CFLAGS .= " -O2"
CFLAGS =. "-g "
PACKAGECONFIG ??= "a b"
PACKAGECONFIG[a] = "--enable-a,--disable-a,liba"
BUILDDIR := "${WORKDIR}/build"
FOO ?= 'single "quoted"'
export HELLO_HOME = "/opt/hello"
export CC
unset BAR
unset BAR[doc]

do_install() {
	install -d ${D}${bindir}
	# a comment inside a function
	install -m 0755 hello ${D}${bindir} \
	    --verbose
}

fakeroot do_package_extra () {
    chown root:root ${D}
}

python do_greet() {
    bb.plain("hello")
}

python () {
    if d.getVar("X"):
        d.setVar("Y", "1")
}

def hello_name(d):
    return d.getVar("PN")

# belongs to the def block, as BitBake reads it
addtask greet after do_compile before do_install
addtask do_bare
deltask do_configure do_other
addhandler hello_eventhandler
