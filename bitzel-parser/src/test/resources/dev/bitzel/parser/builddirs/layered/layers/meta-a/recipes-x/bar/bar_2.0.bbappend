APPENDED += "own-layer"
