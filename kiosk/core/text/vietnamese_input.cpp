#include "kiosk/core/text/vietnamese_input.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core::text {
namespace {

constexpr char32_t kToneMarks[] = {0x0301, 0x0300, 0x0309, 0x0303, 0x0323};  // in ToneMark order

char32_t markOf(ToneMark tone) { return kToneMarks[static_cast<int>(tone)]; }

bool isToneMark(char32_t cp) { return std::ranges::find(kToneMarks, cp) != std::end(kToneMarks); }

bool isVowelBase(char32_t cp) {
    const char32_t lower = cp >= U'A' && cp <= U'Z' ? cp + 32 : cp;
    return lower == U'a' || lower == U'e' || lower == U'i' || lower == U'o' || lower == U'u' || lower == U'y';
}

bool isCombining(char32_t cp) {
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0 || cp == 0x031B;
}

std::string decomposed(std::string_view s) {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                                &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    if (n < 0 || out == nullptr) return std::string(s);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

std::string withToneOnLast(std::string_view input, ToneMark tone) {
    std::string nfc = toNfcLossy(input);
    std::vector<char32_t> cps = decode(decomposed(nfc));
    // The last base letter and the marks after it.
    std::size_t base = cps.size();
    while (base > 0 && isCombining(cps[base - 1])) --base;
    if (base == 0 || !isVowelBase(cps[base - 1])) return nfc;
    const bool had = std::find(cps.begin() + static_cast<std::ptrdiff_t>(base), cps.end(), markOf(tone)) != cps.end();
    cps.erase(std::remove_if(cps.begin() + static_cast<std::ptrdiff_t>(base), cps.end(), isToneMark), cps.end());
    if (!had) cps.push_back(markOf(tone));
    std::string out;
    for (const char32_t cp : cps) append(out, cp);
    return toNfcLossy(out);
}

std::string dropLastCharacter(std::string_view input) {
    std::vector<char32_t> cps = decode(decomposed(input));
    while (!cps.empty() && isCombining(cps.back())) cps.pop_back();
    if (!cps.empty()) cps.pop_back();
    std::string out;
    for (const char32_t cp : cps) append(out, cp);
    return toNfcLossy(out);
}

}  // namespace kiosk::core::text
