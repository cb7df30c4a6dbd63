PN = "one"
V = "a"
