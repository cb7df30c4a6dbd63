APPENDED += "pct"
