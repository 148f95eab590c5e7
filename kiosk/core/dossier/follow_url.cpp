#include "kiosk/core/dossier/follow_url.hpp"

namespace kiosk::core {

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
