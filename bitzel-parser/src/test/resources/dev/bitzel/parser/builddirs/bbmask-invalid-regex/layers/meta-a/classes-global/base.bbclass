BASE = "1"
do_build() {
	:
}
addtask build
