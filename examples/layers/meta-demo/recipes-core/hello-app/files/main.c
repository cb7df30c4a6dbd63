#include <stdio.h>
#include "hello.h"
#include "version.h"

int main(void)
{
	printf("%s (hello-app %s)\n", hello_greeting(), APP_VERSION);
	return 0;
}
