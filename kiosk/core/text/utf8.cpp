// UTF-8 helpers on top of utf8proc. utf8proc_iterate rejects overlongs, surrogates and values past
// U+10FFFF, so validation and decoding share one definition of "valid".

#include "kiosk/core/text/utf8.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kiosk::core::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at `s[i]`; returns its length in bytes, or a negative utf8proc error.
utf8proc_ssize_t decodeAt(std::string_view s, std::size_t i, utf8proc_int32_t& cp) {
    return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
}

/// Runs utf8proc_map on text already known to be valid; returns std::nullopt if utf8proc refuses.
std::optional<std::string> mapValid(std::string_view s, int options) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                     &out, static_cast<utf8proc_option_t>(options));
    // utf8proc allocates with malloc; free it whatever happened.
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    if (n < 0 || out == nullptr) {
        return std::nullopt;
    }
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

/// Re-encodes `s` with every invalid sequence replaced by U+FFFD.
std::string repair(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char32_t cp : decode(s)) {
        append(out, cp);
    }
    return out;
}

bool isLetterOrNumber(char32_t cp) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = decodeAt(s, i, cp);
        if (n <= 0) {
            return false;
        }
        i += static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<std::string> toNfc(std::string_view s) {
    if (!isValidUtf8(s)) {
        return std::nullopt;
    }
    return mapValid(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string toNfcLossy(std::string_view s) {
    const std::string repaired = repair(s);
    // repaired is valid UTF-8, so utf8proc only fails on allocation; fall back to the repaired text.
    return mapValid(repaired, UTF8PROC_STABLE | UTF8PROC_COMPOSE).value_or(repaired);
}

std::string foldForSearch(std::string_view s) {
    const std::string repaired = repair(s);
    // COMPAT folds full-width and other compatibility forms; STRIPMARK drops every combining mark after
    // decomposition (all Vietnamese tone and vowel marks); CASEFOLD lowers case (Đ -> đ).
    const std::string folded =
        mapValid(repaired, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                               UTF8PROC_CASEFOLD)
            .value_or(repaired);
    std::string out;
    out.reserve(folded.size());
    bool pendingSpace = false;
    for (char32_t cp : decode(folded)) {
        if (cp == U'đ' || cp == U'Đ') {
            cp = U'd';  // đ has no decomposition, so STRIPMARK leaves it alone
        }
        if (!isLetterOrNumber(cp)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        append(out, cp);
    }
    return out;
}

std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = decodeAt(s, i, cp);
        if (n <= 0) {
            out.push_back(kReplacement);
            ++i;  // resynchronise on the next byte
            continue;
        }
        out.push_back(static_cast<char32_t>(cp));
        i += static_cast<std::size_t>(n);
    }
    return out;
}

void append(std::string& out, char32_t cp) {
    if (!utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(cp))) {
        cp = kReplacement;  // surrogates and values past U+10FFFF cannot be encoded
    }
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool isBidiControl(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

std::string removeBidiControls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char32_t cp : decode(s)) {
        if (!isBidiControl(cp)) append(out, cp);
    }
    return out;
}

}  // namespace kiosk::core::text
