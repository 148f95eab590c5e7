// libFuzzer target: a TOML configuration file (kiosk/core/config), applied as the fleet layer on top of
// the defaults, then the checks between keys. Every problem is an issue with a message and a line;
// nothing throws or overflows the stack.
#include <cstdint>
#include <string_view>

#include "kiosk/core/config/config_loader.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadedSettings loaded = defaultSettings();
    for (const ConfigIssue& issue : applyConfigText(loaded, text, "fuzz.toml", ConfigLayer::Fleet)) {
        KIOSK_FUZZ_CHECK(!issue.message.empty() && !formatIssue(issue).empty());
        KIOSK_FUZZ_CHECK(issue.line >= 0);
    }
    for (const ConfigIssue& issue : crossCheck(loaded)) KIOSK_FUZZ_CHECK(!issue.message.empty());
    return 0;
}
