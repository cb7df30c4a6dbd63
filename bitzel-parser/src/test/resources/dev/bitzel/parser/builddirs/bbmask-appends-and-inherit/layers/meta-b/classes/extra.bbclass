EXTRA = "${PN}-extra"
