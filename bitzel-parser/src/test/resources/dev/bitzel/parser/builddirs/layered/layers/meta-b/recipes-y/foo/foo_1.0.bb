PN = "foo"
WHO = "b"
APPENDED = "base"
