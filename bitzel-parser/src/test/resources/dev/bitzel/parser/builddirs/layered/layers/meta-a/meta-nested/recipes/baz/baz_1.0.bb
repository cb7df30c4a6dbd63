PN = "baz"
