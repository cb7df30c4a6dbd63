#!/bin/sh
# Prints the greeting the demo image ships.
cat /usr/share/greeting/greeting.txt 2>/dev/null || echo "Hello, world!"
