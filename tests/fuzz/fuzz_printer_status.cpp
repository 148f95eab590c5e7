// libFuzzer target: a printer's replies to DLE EOT 1..4 (kiosk/core/escpos/printer_status). Four bytes
// make a status or an error; a status's own bytes read back as the same status.
#include <cstdint>
#include <span>

#include "kiosk/core/escpos/printer_status.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core::escpos;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> replies(data, size);
    const auto status = parseStatusReplies(replies);
    if (status) {
        KIOSK_FUZZ_CHECK(!toJson(*status).empty());
        // The bytes a printer in this state sends parse, and are a fixed point after that: a status
        // the virtual printer answers reads back the same. (The first trip may normalise: a printer
        // with its cover open also reports itself offline.)
        const auto trip = [](const PrinterStatus& s) {
            std::uint8_t bytes[4];
            for (int n = 1; n <= 4; ++n) bytes[n - 1] = statusByteFor(s, n);
            return parseStatusReplies(bytes);
        };
        const auto once = trip(*status);
        KIOSK_FUZZ_CHECK(once.has_value());
        const auto twice = trip(*once);
        KIOSK_FUZZ_CHECK(twice.has_value() && *twice == *once);
    } else {
        KIOSK_FUZZ_CHECK(!status.error().message.empty());
    }
    // Byte by byte, as the transport folds them in.
    PrinterStatus folded;
    for (std::size_t i = 0; i < size && i < 8; ++i) (void)applyStatusByte(folded, static_cast<int>(i % 5), data[i]);
    return 0;
}
