#pragma once
// Shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp): a property that fails aborts with a
// message, so libFuzzer saves the input as a crash artifact. Sanitizers catch the rest (memory errors,
// undefined behaviour, leaks); libFuzzer's -timeout catches hangs.

#include <cstdio>
#include <cstdlib>

#define KIOSK_FUZZ_CHECK(condition)                                                             \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                       \
        }                                                                                       \
    } while (false)
