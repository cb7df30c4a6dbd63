APPENDED += "walked"
