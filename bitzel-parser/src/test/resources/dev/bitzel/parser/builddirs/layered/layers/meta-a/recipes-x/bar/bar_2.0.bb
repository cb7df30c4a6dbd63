PN = "bar"
PV = "2.0"
APPENDED = "base"
BBCLASSEXTEND = "native"
