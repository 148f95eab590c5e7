#include "kiosk/core/receipt/code_pattern.hpp"

namespace kiosk::core {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// The length of the run of digits starting at @p at.
std::size_t digitsAt(std::string_view s, std::size_t at) {
    std::size_t n = 0;
    while (at + n < s.size() && isDigit(s[at + n])) ++n;
    return n;
}

}  // namespace

std::expected<std::regex, std::string> compileCodePattern(std::string_view pattern) {
    if (pattern.empty()) return std::unexpected(std::string{"must not be empty"});
    if (pattern.size() > kMaxCodePatternLength) {
        return std::unexpected("longer than " + std::to_string(kMaxCodePatternLength) + " characters");
    }
    // Numbers std::regex reads: after "{" or "," (a repeat count) and after "\" (a back-reference).
    // An escaped character is skipped whole, so "\{12345" is a literal brace and digits. A "{" inside
    // a bracket expression is treated like one outside: refusing such a pattern costs nothing.
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            if (digitsAt(pattern, i + 1) > kMaxCodePatternNumberDigits) {
                return std::unexpected(std::string{"a back-reference number has more than 4 digits"});
            }
            ++i;  // the escaped character
        } else if ((c == '{' || c == ',') && digitsAt(pattern, i + 1) > kMaxCodePatternNumberDigits) {
            return std::unexpected(std::string{"a repeat count has more than 4 digits"});
        }
    }
    try {
        return std::regex{std::string{pattern}, std::regex::ECMAScript};
    } catch (const std::regex_error& e) {
        return std::unexpected(std::string{"not a valid ECMAScript regular expression: "} + e.what());
    }
}

}  // namespace kiosk::core
