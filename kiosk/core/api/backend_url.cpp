#include "kiosk/core/api/backend_url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace kiosk::core {

bool isLoopbackHost(std::string_view host) {
    if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
    std::string lower{host};
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "localhost" || lower == "::1" || lower == "0:0:0:0:0:0:0:1") return true;
    // 127.a.b.c, each part a number 0..255.
    if (!lower.starts_with("127.")) return false;
    int parts = 0;
    std::string_view rest = lower;
    while (!rest.empty()) {
        const auto dot = rest.find('.');
        const std::string_view part = rest.substr(0, dot);
        int value = -1;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || ec != std::errc{} || end != part.data() + part.size() || value > 255) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        rest = rest.substr(dot + 1);
        if (rest.empty()) return false;
    }
    return parts == 4;
}

bool isPlainHttpToRemoteHost(std::string_view url) {
    constexpr std::string_view scheme = "http://";
    if (url.size() < scheme.size()) return false;
    std::string prefix{url.substr(0, scheme.size())};
    std::ranges::transform(prefix, prefix.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (prefix != scheme) return false;
    std::string_view authority = url.substr(scheme.size());
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
    std::string_view host = authority;
    if (host.starts_with('[')) {
        host = host.substr(0, host.find(']') == std::string_view::npos ? host.size() : host.find(']') + 1);
    } else {
        host = host.substr(0, host.find(':'));
    }
    return !isLoopbackHost(host);
}

}  // namespace kiosk::core
