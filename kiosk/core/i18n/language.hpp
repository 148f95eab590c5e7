#pragma once
// The languages the kiosk speaks. Vietnamese is the default; every string table exists in both.

#include <optional>
#include <string_view>

namespace kiosk::core {

enum class Language {
    Vi,  ///< Vietnamese (default)
    En,  ///< English
};

/// Folder and config name of a language: "vi" or "en".
std::string_view toString(Language language);

/// Parses "vi" / "en" (case-insensitive). @return std::nullopt for anything else.
std::optional<Language> languageFromString(std::string_view name);

}  // namespace kiosk::core
