#include "hello.h"

const char *hello_greeting(void)
{
	return "Hello from libhello";
}
