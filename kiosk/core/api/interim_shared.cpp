// INTERIM, remove once the receipt branch has landed: minimal stand-ins for functions other branches own
// (text/utf8.cpp, privacy/masking.cpp, receipt/receipt.cpp), compiled only while those files are absent
// (see CMakeLists.txt), so this branch links and its tests run. The real implementations replace them.

#include <regex>
#include <utf8proc.h>

#include "kiosk/core/privacy/masking.hpp"
#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core {

#ifdef KIOSK_INTERIM_TEXT
namespace text {
std::string toNfcLossy(std::string_view s) {
    std::string clean;
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {
            clean += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        clean.append(s.substr(i, static_cast<std::size_t>(n)));
        i += static_cast<std::size_t>(n);
    }
    utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(clean.c_str()));
    if (out == nullptr) return clean;
    std::string result{reinterpret_cast<char*>(out)};
    std::free(out);
    return result;
}
}  // namespace text
#endif

#ifdef KIOSK_INTERIM_MASKING
std::string maskPersonName(std::string_view name) {
    std::string out;
    bool first = true;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && name[i] == ' ') ++i;
        std::size_t j = i;
        while (j < name.size() && name[j] != ' ') ++j;
        if (j == i) break;
        std::string_view word = name.substr(i, j - i);
        if (!out.empty()) out += ' ';
        if (first) {
            out += word;
        } else {
            std::size_t len = 1;
            while (len < word.size() && (static_cast<unsigned char>(word[len]) & 0xC0) == 0x80) ++len;
            out += word.substr(0, len);
            out += (word.size() > len) ? "**" : "";
        }
        first = false;
        i = j;
    }
    return out;
}
std::string maskPersonalNumbersInText(std::string_view text) {
    static const std::regex digits{R"(\d{9,12})"};
    return std::regex_replace(std::string{text}, digits, "*********");
}
#endif

#ifdef KIOSK_INTERIM_RECEIPT
ReceiptReading readReceipt(std::string_view raw, const ReceiptRules& rules) {
    std::string s;
    for (char c : raw) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        s += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    }
    if (s.empty()) return NotAReceipt{NotReceiptReason::Empty};
    if (s.size() > kMaxInputBytes) return NotAReceipt{NotReceiptReason::TooLong};
    if (std::regex_match(s, std::regex{rules.codePattern})) return DossierCode{s};
    return NotAReceipt{NotReceiptReason::BadCodeFormat};
}
std::string_view toString(NotReceiptReason reason) {
    switch (reason) {
        case NotReceiptReason::Empty: return "empty";
        case NotReceiptReason::TooLong: return "too_long";
        case NotReceiptReason::InvalidText: return "invalid_text";
        case NotReceiptReason::UnsupportedLink: return "unsupported_link";
        case NotReceiptReason::UntrustedHost: return "untrusted_host";
        case NotReceiptReason::NoCodeInLink: return "no_code_in_link";
        case NotReceiptReason::BadCodeFormat: return "bad_code_format";
    }
    return "bad_code_format";
}
#endif

}  // namespace kiosk::core
