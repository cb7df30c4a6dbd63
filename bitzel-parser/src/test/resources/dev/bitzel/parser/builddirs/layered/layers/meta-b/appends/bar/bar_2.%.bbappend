APPENDED += "bar2"
