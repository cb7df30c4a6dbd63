APPENDED += "prefix"
