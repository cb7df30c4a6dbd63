SUMMARY = "The demo root file system: the application, its library and the greeting"

inherit image

IMAGE_INSTALL = "hello-app hello-lib patched-greeting"
DEPENDS = "hello-app hello-lib patched-greeting"
