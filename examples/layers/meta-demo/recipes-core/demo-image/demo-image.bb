SUMMARY = "The demo root file system: the application, its library, the greeting and the greeter"

inherit image

IMAGE_INSTALL = "hello-app hello-lib patched-greeting greeter"
DEPENDS = "hello-app hello-lib patched-greeting greeter"
