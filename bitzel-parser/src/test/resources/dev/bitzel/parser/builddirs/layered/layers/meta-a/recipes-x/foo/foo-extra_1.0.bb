PN = "foo-extra"
APPENDED = "base"
