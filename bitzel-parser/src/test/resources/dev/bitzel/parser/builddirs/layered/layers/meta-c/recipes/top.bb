PN = "top"
