// libFuzzer target: reading scanned or typed receipt text (kiosk/core/receipt). Any bytes give one of
// the documented outcomes; a code or token that comes out is valid UTF-8 and within the input cap, and
// a citizen ID number standing in its own SGT=/CCCD= parameter never comes out.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/text/utf8.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core;

namespace {

/// The code or token read, or "" when the text is not a receipt.
std::string outputOf(const ReceiptReading& reading) {
    if (const auto* code = std::get_if<DossierCode>(&reading)) return code->value;
    if (const auto* token = std::get_if<ReceiptToken>(&reading)) return token->value;
    return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ReceiptRules rules;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const ReceiptReading reading = readReceipt(input, rules);
    std::string out;
    if (const auto* code = std::get_if<DossierCode>(&reading)) {
        out = code->value;
        KIOSK_FUZZ_CHECK(!out.empty() && out.size() <= kMaxInputBytes);
    } else if (const auto* token = std::get_if<ReceiptToken>(&reading)) {
        out = token->value;
        KIOSK_FUZZ_CHECK(!out.empty());
    } else {
        KIOSK_FUZZ_CHECK(!toString(std::get<NotAReceipt>(reading).reason).empty());
    }
    KIOSK_FUZZ_CHECK(text::isValidUtf8(out));
    // An ID in its own parameter, appearing nowhere else in the input, must not come out.
    for (const std::string_view param : {std::string_view{"SGT="}, std::string_view{"CCCD="}}) {
        const auto at = input.find(param);
        if (at == std::string_view::npos) continue;
        const std::size_t start = at + param.size();
        std::size_t end = start;
        while (end < input.size() && input[end] >= '0' && input[end] <= '9') ++end;
        const std::string_view id = input.substr(start, end - start);
        if (id.size() < 9 || (end < input.size() && input[end] != '&')) continue;
        if (input.find(id) != start || input.find(id, end) != std::string_view::npos) continue;
        // The reader removes invisible characters, which can join digits elsewhere into the same run
        // (a code "...345000" + U+000B + "000..."): what it reads without the ID's digits shows whether
        // the output came from the ID at all.
        std::string withoutId{input};
        withoutId.erase(start, end - start);
        if (outputOf(readReceipt(withoutId, rules)) == out) continue;
        KIOSK_FUZZ_CHECK(out.find(id) == std::string::npos);
    }
    return 0;
}
