PN = "masked"
