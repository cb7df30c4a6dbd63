# Builds a recipe for the build host (BBCLASSEXTEND = "native"): installed into the native sysroot of the
# recipes that depend on it.

CLASSOVERRIDE = "class-native"
PACKAGES = ""
prefix = "/usr"
bindir = "${prefix}/bin"
TARGET_ARCH = "${BUILD_ARCH}"
DEPENDS:remove:class-native = "${DEPENDS_TARGET_ONLY}"
DEPENDS_TARGET_ONLY ?= ""
