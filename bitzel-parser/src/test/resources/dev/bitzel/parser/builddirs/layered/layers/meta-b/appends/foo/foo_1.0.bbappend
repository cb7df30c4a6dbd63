APPENDED += "exact"
