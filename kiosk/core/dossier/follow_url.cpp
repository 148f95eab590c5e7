#include "kiosk/core/dossier/follow_url.hpp"

namespace kiosk::core {

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                                c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

std::string followUrl(std::string_view urlTemplate, std::string_view code) {
    const auto at = urlTemplate.find(kFollowUrlPlaceholder);
    if (code.empty() || at == std::string_view::npos) {
        return {};
    }
    // Every placeholder is replaced; nothing else of the template changes.
    std::string out;
    std::string_view rest = urlTemplate;
    const std::string encoded = percentEncode(code);
    for (auto pos = rest.find(kFollowUrlPlaceholder); pos != std::string_view::npos;
         pos = rest.find(kFollowUrlPlaceholder)) {
        out.append(rest.substr(0, pos)).append(encoded);
        rest.remove_prefix(pos + kFollowUrlPlaceholder.size());
    }
    out.append(rest);
    return out;
}

}  // namespace kiosk::core
