GOOD = "1"
this is not bitbake
ALSO_GOOD = "2"
  INDENTED = "3"
# a comment that continues \
BAD = "4"
FOO = "a \
# comment in the middle
b"
addtask do_x:append_y
AFTER = "5"
do_unclosed() {
    echo never closed
LAST = "6"
