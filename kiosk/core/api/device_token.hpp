#pragma once
// The device token file's contents: exactly one token on one line. The file itself is read by
// readRegularFile (kiosk/core/common/file_reader.hpp) with the owner-only rule and kMaxTokenFileBytes.

#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// Largest token file read; a token is a few hundred bytes at most.
inline constexpr std::size_t kMaxTokenFileBytes = 4096;

/// Parses a token file's text: one line holding the token (visible ASCII, U+0021..U+007E), optionally
/// surrounded by spaces or tabs and ended by one line break (LF or CRLF). Anything else (a NUL byte,
/// a second line, spaces inside, non-ASCII) is refused rather than sent in an Authorization header.
/// @param text the whole file
/// @return the token, or InvalidInput saying what is wrong (never the token's text)
Result<std::string> parseDeviceToken(std::string_view text);

}  // namespace kiosk::core
