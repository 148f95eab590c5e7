// libFuzzer target: the ESC/POS byte-stream parser (kiosk/core/escpos/escpos_parser) that the virtual
// printer and the slip tests read jobs with. Any bytes give a job or an error with a message, within
// the parser's limits, whether they arrive in one piece or in two chunks.
#include <cstdint>
#include <span>

#include "kiosk/core/escpos/escpos_parser.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core::escpos;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    const auto job = parseEscPos(bytes);
    if (!job) KIOSK_FUZZ_CHECK(!job.error().message.empty());
    // The same stream cut in two: the streaming parser must not depend on where a chunk ends.
    EscPosParser parser;
    const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
    const auto first = parser.feed(bytes.subspan(0, cut));
    if (first) (void)parser.feed(bytes.subspan(cut));
    return 0;
}
