// libFuzzer target: a guidance catalog document in the backend's single-document form
// (kiosk/core/guidance). It loads with its invalid entries reported, or fails with a message.
#include <cstdint>
#include <string_view>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = guidance::parseCatalog(text, "fuzz.json");
    if (loaded) {
        for (const auto& issue : loaded->issues) KIOSK_FUZZ_CHECK(!issue.message.empty());
    } else {
        KIOSK_FUZZ_CHECK(!loaded.error().message.empty());
    }
    return 0;
}
