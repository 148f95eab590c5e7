#pragma once
// Translated strings: flat JSON tables, assets/i18n/<lang>/<area>.json, keys "<area>.<name>".
// Every file of a language folder is merged into one StringTable; a key defined twice is an error.
// Parsing (from JSON text) is pure; loadStringTable is the one function that reads files.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core {

/// Named values for {placeholder} substitution, e.g. {{"days", "3"}}.
using TextArgs = std::vector<std::pair<std::string_view, std::string>>;

class StringTable {
public:
    /// Merges one file's flat JSON object of strings.
    /// @param json   the file's text
    /// @param source file name for error messages
    /// @return an error naming `source` (and the key) for malformed JSON, a value that is not a
    ///         string, or a key already defined by an earlier file
    Result<void> addJson(std::string_view json, std::string_view source);

    /// Sets one entry (tests and programmatic tables); replaces an existing one.
    void set(std::string key, std::string text);

    /// @return the string for `key`, or the visible marker "⟦key⟧" when it is missing (the key is
    ///         then remembered in missingKeys(), so a screen never shows an empty label silently)
    std::string text(std::string_view key) const;

    /// Like text(), then replaces each "{name}" with its value; unknown placeholders stay as written.
    std::string format(std::string_view key, const TextArgs& args) const;

    [[nodiscard]] bool contains(std::string_view key) const;
    [[nodiscard]] std::size_t size() const { return m_strings.size(); }
    /// All keys, sorted.
    [[nodiscard]] std::vector<std::string> keys() const;
    /// Keys asked for but not defined, for logs and tests.
    [[nodiscard]] const std::set<std::string, std::less<>>& missingKeys() const { return m_missing; }

private:
    std::map<std::string, std::string, std::less<>> m_strings;  // key -> text
    std::map<std::string, std::string, std::less<>> m_sourceOf; // key -> file that defined it
    // Lookups are logically const; recording a miss is a diagnostic side effect (UI thread only).
    mutable std::set<std::string, std::less<>> m_missing;
};

/// Replaces each "{name}" in `pattern` with its value from `args`.
std::string substitute(std::string_view pattern, const TextArgs& args);

/// Reads every *.json file (sorted by name) in `i18nDir`/<lang>/ into one table.
/// @param i18nDir the folder holding vi/ and en/ (assets/i18n)
/// @return the table, or an Io/Parse error naming the file
Result<StringTable> loadStringTable(const std::filesystem::path& i18nDir, Language language);

}  // namespace kiosk::core
