PN = "foo"
WHO = "a"
APPENDED = "base"
