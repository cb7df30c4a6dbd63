PN = "dyn3"
