PN = "qux"
APPENDED = "base"
