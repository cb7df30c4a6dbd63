PN = "two"
