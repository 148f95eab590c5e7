#include "kiosk/core/api/device_token.hpp"

#include <algorithm>

namespace kiosk::core {

Result<std::string> parseDeviceToken(std::string_view text) {
    if (text.ends_with("\r\n")) text.remove_suffix(2);
    else if (text.ends_with('\n')) text.remove_suffix(1);
    if (text.find_first_of("\r\n") != std::string_view::npos) {
        return fail(ErrorKind::InvalidInput, "must hold exactly one token on one line");
    }
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return fail(ErrorKind::InvalidInput, "is empty");
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    const bool visibleAscii = std::ranges::all_of(text, [](char c) { return c > 0x20 && c < 0x7f; });
    if (!visibleAscii) {
        return fail(ErrorKind::InvalidInput,
                    "the token may only hold visible ASCII characters (no spaces, NUL or control bytes)");
    }
    return std::string{text};
}

}  // namespace kiosk::core
