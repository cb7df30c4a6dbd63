#!/bin/sh
# Writes a header defining APP_VERSION to stdout.
echo "#define APP_VERSION \"$1\""
