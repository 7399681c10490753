// The doctest main, alone in its file so the other test files compile fast.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
