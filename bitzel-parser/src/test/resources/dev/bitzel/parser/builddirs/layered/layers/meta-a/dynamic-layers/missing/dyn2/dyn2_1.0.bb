PN = "dyn2"
