#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core {

std::string_view toString(Language language) {
    return language == Language::En ? "en" : "vi";
}

std::optional<Language> languageFromString(std::string_view name) {
    if (name.size() != 2) return std::nullopt;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    const char a = lower(name[0]);
    const char b = lower(name[1]);
    if (a == 'v' && b == 'i') return Language::Vi;
    if (a == 'e' && b == 'n') return Language::En;
    return std::nullopt;
}

}  // namespace kiosk::core
