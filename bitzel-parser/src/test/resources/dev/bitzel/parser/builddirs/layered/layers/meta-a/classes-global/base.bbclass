BASE_INHERITED = "1"
do_build() {
	:
}
addtask build
