PN = "old"
