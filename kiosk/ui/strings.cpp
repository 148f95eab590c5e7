#include "kiosk/ui/strings.hpp"

#include "kiosk/core/i18n/language.hpp"
#include "kiosk/core/i18n/string_table.hpp"

namespace kiosk::ui {

const std::string& Strings::get(std::string_view key) const {
    if (auto it = m_table.find(key); it != m_table.end()) {
        return it->second;
    }
    auto [it, inserted] = m_missing.try_emplace(std::string(key), std::string(key));
    return it->second;
}

std::string Strings::format(std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> args) const {
    return substitute(get(key), args);
}

core::Result<Strings> loadStringTables(const std::filesystem::path& assetsDir, std::string_view language) {
    // Core reads and validates the tables (a key defined twice, a non-string value: an error naming
    // the file); the screens keep their own flat copy for cheap lookups by reference.
    const auto lang = core::languageFromString(language);
    if (!lang) {
        return core::fail(core::ErrorKind::InvalidInput, "unknown language '" + std::string(language) + "'");
    }
    auto table = core::loadStringTable(assetsDir / "i18n", *lang);
    if (!table) {
        return std::unexpected(table.error());
    }
    Strings strings;
    for (std::string& key : table->keys()) {
        std::string text = table->text(key);
        strings.set(std::move(key), std::move(text));
    }
    return strings;
}

std::string substitute(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    core::TextArgs coreArgs;
    coreArgs.reserve(args.size());
    for (const auto& [name, value] : args) {
        coreArgs.emplace_back(name, std::string(value));
    }
    return core::substitute(text, coreArgs);
}

}  // namespace kiosk::ui
