#pragma once
// Strings: the translated texts one screen draws, as a flat key -> text table for one language.
// The app fills it from the i18n tables (assets/i18n/<lang>/*.json); screens only look keys up, so
// a missing key shows the key itself (visible in screenshots and caught by the i18n tests) and
// never crashes.

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/i18n/string_table.hpp"

namespace kiosk::ui {

class Strings {
public:
    /// Adds or replaces one entry.
    void set(std::string key, std::string text) {
        m_core.set(key, text);
        m_table.insert_or_assign(std::move(key), std::move(text));
    }

    /// The same texts as core's table, for what core words itself (the dossier answer, speech).
    [[nodiscard]] const core::StringTable& table() const { return m_core; }

    /// @return the text for `key`, or the key itself when the table lacks it
    [[nodiscard]] const std::string& get(std::string_view key) const;

    /// get() with "{name}" placeholders replaced by the given values.
    [[nodiscard]] std::string format(std::string_view key,
                                     std::initializer_list<std::pair<std::string_view, std::string_view>> args) const;

    [[nodiscard]] bool has(std::string_view key) const { return m_table.find(key) != m_table.end(); }
    [[nodiscard]] std::size_t size() const { return m_table.size(); }

private:
    core::StringTable m_core;
    std::map<std::string, std::string, std::less<>> m_table;
    mutable std::map<std::string, std::string, std::less<>> m_missing;  // keys echoed back, kept alive
};

/// Loads every flat string table assets/i18n/<language>/*.json into one Strings.
/// @return the table, or a Parse/Io error naming the file
core::Result<Strings> loadStringTables(const std::filesystem::path& assetsDir, std::string_view language);

/// Replaces every "{name}" in `text` with its value.
std::string substitute(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> args);

}  // namespace kiosk::ui
