# Class with exported functions.
GREETING ??= "hello"

greeting_do_configure() {
    echo ${GREETING}
}

python greeting_do_build() {
    bb.note(d.getVar("GREETING"))
}

EXPORT_FUNCTIONS do_configure do_build

python __anonymous () {
	d.setVar("Z", "1")
}
