#pragma once
// The receipt code pattern (receipt.code_pattern): an ECMAScript regular expression from the
// configuration, compiled by std::regex. One function compiles it for both the config check and the
// receipt reader, so a pattern the check accepts is the pattern the reader uses.

#include <expected>
#include <regex>
#include <string>
#include <string_view>

namespace kiosk::core {

/// The longest pattern accepted; the default is about 40 characters.
inline constexpr std::size_t kMaxCodePatternLength = 256;
/// The most digits in a repeat count ({n,m}) or a back-reference (\n).
inline constexpr std::size_t kMaxCodePatternNumberDigits = 4;

/// Compiles @p pattern as ECMAScript. Before std::regex sees it, the pattern's length is checked and
/// every repeat count and back-reference number must have at most 4 digits: libstdc++ 12 reads those
/// numbers into a long without an overflow check (undefined behaviour on a 20-digit count; found by
/// the config fuzzer). A pattern that would need too many states is refused by std::regex itself.
/// @return the compiled expression, or why the pattern is refused (one line)
std::expected<std::regex, std::string> compileCodePattern(std::string_view pattern);

}  // namespace kiosk::core
