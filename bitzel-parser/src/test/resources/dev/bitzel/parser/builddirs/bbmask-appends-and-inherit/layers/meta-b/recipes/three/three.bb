PN = "three"
