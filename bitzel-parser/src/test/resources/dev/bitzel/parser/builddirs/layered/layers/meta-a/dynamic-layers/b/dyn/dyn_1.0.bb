PN = "dyn"
