// Masking of personal data (rules in docs/privacy.md). Every function is idempotent: text the backend
// already masked ('*' in place of characters) comes out the same, so masking twice is harmless.
// Lengths are counted in code points, never bytes, so Vietnamese letters become one '*' each.

#include "kiosk/core/privacy/masking.hpp"

#include "kiosk/core/text/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

namespace kiosk::core {

namespace {

bool isSpace(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0xA0 || cp == 0x3000 ||
           utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

bool isMark(char32_t cp) {
    const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlnum(char c) { return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Splits NFC text into words separated by whitespace.
std::vector<std::vector<char32_t>> words(std::string_view s) {
    std::vector<std::vector<char32_t>> out;
    std::vector<char32_t> current;
    for (const char32_t cp : text::decode(text::toNfcLossy(s))) {
        if (isSpace(cp)) {
            if (!current.empty()) {
                out.push_back(std::move(current));
                current.clear();
            }
        } else {
            current.push_back(cp);
        }
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

/// First letter (with any combining marks NFC could not absorb) kept, every later letter -> '*'.
std::string maskWord(const std::vector<char32_t>& word) {
    std::string out;
    bool first = true;
    for (const char32_t cp : word) {
        if (first || (isMark(cp) && out.size() > 0 && out.back() != '*')) {
            text::append(out, cp);
            first = false;
        } else if (!isMark(cp)) {
            out.push_back('*');
        }
    }
    return out;
}

/// Masks every digit of `digits` except the first `keepHead` and last `keepTail`.
std::string maskDigits(std::string_view digits, std::size_t keepHead, std::size_t keepTail) {
    std::string out(digits);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i >= keepHead && i + keepTail < out.size()) {
            out[i] = '*';
        }
    }
    return out;
}

std::string trimmed(std::string_view s) {
    const auto isWs = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && isWs(s.front())) s.remove_prefix(1);
    while (!s.empty() && isWs(s.back())) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::string maskPersonName(std::string_view name) {
    const auto parts = words(name);
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out.push_back(' ');
        }
        // The family name (first word) is shared by millions (Nguyễn, Trần, Lê) and helps the citizen
        // recognise their dossier; a one-word name is treated as a given name and masked.
        if (i == 0 && parts.size() > 1) {
            for (const char32_t cp : parts[i]) {
                text::append(out, cp);
            }
        } else {
            out += maskWord(parts[i]);
        }
    }
    return out;
}

std::string maskPhone(std::string_view phone) {
    const std::string t = trimmed(phone);
    std::string digits;  // digits and '*' (already masked), separators dropped
    bool international = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (isDigit(c) || c == '*') {
            digits.push_back(c);
        } else if (c == '+' && digits.empty() && !international) {
            international = true;
        } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
            return "***";  // not a phone number: show nothing of it
        }
    }
    if (international && digits.starts_with("84")) {
        digits.erase(0, 2);
        if (digits.size() < 7) {
            return "+84 " + std::string(digits.size(), '*');
        }
        return "+84 " + maskDigits(digits, 2, 3);  // "+84 91" matches the national "091"
    }
    if (digits.size() < 7) {
        return std::string(std::max<std::size_t>(digits.size(), 3), '*');
    }
    return (international ? "+" : "") + maskDigits(digits, 3, 3);
}

std::string maskIdNumber(std::string_view id) {
    std::vector<char32_t> kept;
    for (const char32_t cp : text::decode(text::toNfcLossy(id))) {
        if (!isSpace(cp) && cp != U'.' && cp != U'-') {
            kept.push_back(cp);
        }
    }
    std::string out;
    constexpr std::size_t kKeep = 4;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        // Four characters or fewer is not an ID worth showing a part of: mask it all.
        if (kept.size() > kKeep && i + kKeep >= kept.size()) {
            text::append(out, kept[i]);
        } else {
            out.push_back('*');
        }
    }
    return out;
}

std::string maskAddress(std::string_view address) {
    // Parts are separated by commas, semicolons or " - " (all three are common on Vietnamese forms).
    std::string normalized = text::toNfcLossy(address);
    for (std::size_t pos; (pos = normalized.find(" - ")) != std::string::npos;) {
        normalized.replace(pos, 3, ",");
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= normalized.size()) {
        const std::size_t end = normalized.find_first_of(",;", start);
        std::string part = trimmed(std::string_view(normalized).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!part.empty()) {
            parts.push_back(std::move(part));
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    if (parts.empty()) {
        return "";
    }
    if (parts.size() == 1) {
        return "***";  // one part may be a whole street address: show nothing of it
    }
    // With two parts the first may still be the street; keep only the province then.
    const std::size_t keep = parts.size() >= 3 ? 2 : 1;
    std::string out = "***";
    for (std::size_t i = parts.size() - keep; i < parts.size(); ++i) {
        out += ", " + parts[i];
    }
    return out;
}

std::string maskPersonalNumbersInText(std::string_view input) {
    const std::string s(input);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const bool startsNumber = isDigit(s[i]) || (s[i] == '+' && i + 1 < s.size() && isDigit(s[i + 1]));
        // Only numbers standing alone: "H56-231027-0361" (a dossier code) is part of a word.
        const bool atBoundary = i == 0 || (!isAsciiAlnum(s[i - 1]) && static_cast<unsigned char>(s[i - 1]) < 0x80 &&
                                           s[i - 1] != '.' && s[i - 1] != '-');
        if (!startsNumber || !atBoundary) {
            out.push_back(s[i]);
            ++i;
            continue;
        }
        // Extend over digits and single separators (space, '.', '-') between digits.
        std::size_t end = i + (s[i] == '+' ? 1 : 0);
        std::string digits;
        std::vector<std::size_t> groups{0};
        bool onlyDots = true;
        while (end < s.size()) {
            if (isDigit(s[end])) {
                digits.push_back(s[end]);
                ++groups.back();
                ++end;
            } else if ((s[end] == ' ' || s[end] == '.' || s[end] == '-') && end + 1 < s.size() && isDigit(s[end + 1]) &&
                       !digits.empty()) {
                onlyDots = onlyDots && s[end] == '.';
                groups.push_back(0);
                ++end;
            } else {
                break;
            }
        }
        const bool glued = end < s.size() && (isAsciiAlnum(s[end]) || static_cast<unsigned char>(s[end]) >= 0x80);
        const std::string_view run(s.data() + i, end - i);
        // "1.500.000.000" is an amount (thousands grouped by dots, no leading zero), not an ID.
        const bool amount = groups.size() > 1 && onlyDots && digits.front() != '0' && groups.front() <= 3 &&
                            std::all_of(groups.begin() + 1, groups.end(), [](std::size_t g) { return g == 3; });
        const bool phone = s[i] == '+' ? digits.starts_with("84") && digits.size() >= 10
                                       : (digits.size() == 10 && digits.starts_with("0")) ||
                                             (digits.size() == 11 && digits.starts_with("02"));
        const bool id = digits.size() >= 9 && !amount;
        if (glued || (!phone && !id)) {
            out.append(run);
            i = end;
            continue;
        }
        // Mask in place so that the text keeps its layout; count digits only.
        const std::size_t keepHead = phone ? (s[i] == '+' ? 4 : 3) : 0;
        const std::size_t keepTail = phone ? 3 : 4;
        std::size_t index = 0;
        for (const char c : run) {
            if (isDigit(c)) {
                out.push_back(index >= keepHead && index + keepTail < digits.size() ? '*' : c);
                ++index;
            } else {
                out.push_back(c);
            }
        }
        i = end;
    }
    return out;
}

}  // namespace kiosk::core
