# meta-demo-extra builds the application with a version string of its own.
APP_VERSION = "${PV}-extra"
