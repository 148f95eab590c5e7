#include "kiosk/core/i18n/string_table.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk::core {

Result<void> StringTable::addJson(std::string_view json, std::string_view source) {
    const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return fail(ErrorKind::Parse, std::string(source) + ": not valid JSON");
    if (!doc.is_object()) return fail(ErrorKind::Parse, std::string(source) + ": expected a JSON object of strings");
    // Check the whole file before merging anything, so a bad file leaves the table unchanged.
    for (const auto& [key, value] : doc.items()) {
        if (!value.is_string()) return fail(ErrorKind::Parse, std::string(source) + ": " + key + ": value is not a string");
        if (const auto it = m_sourceOf.find(key); it != m_sourceOf.end()) {
            return fail(ErrorKind::Parse, std::string(source) + ": " + key + ": already defined in " + it->second);
        }
    }
    for (const auto& [key, value] : doc.items()) {
        m_strings.emplace(key, value.get<std::string>());
        m_sourceOf.emplace(key, std::string(source));
    }
    return {};
}

void StringTable::set(std::string key, std::string text) {
    m_sourceOf.insert_or_assign(key, std::string("(set)"));
    m_strings.insert_or_assign(std::move(key), std::move(text));
}

std::string StringTable::text(std::string_view key) const {
    if (const auto it = m_strings.find(key); it != m_strings.end()) return it->second;
    m_missing.emplace(key);
    return "⟦" + std::string(key) + "⟧";
}

std::string StringTable::format(std::string_view key, const TextArgs& args) const {
    return substitute(text(key), args);
}

bool StringTable::contains(std::string_view key) const { return m_strings.find(key) != m_strings.end(); }

std::vector<std::string> StringTable::keys() const {
    std::vector<std::string> out;
    out.reserve(m_strings.size());
    for (const auto& [key, value] : m_strings) out.push_back(key);
    return out;
}

std::string substitute(std::string_view pattern, const TextArgs& args) {
    std::string out;
    out.reserve(pattern.size());
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                const auto name = pattern.substr(i + 1, close - i - 1);
                const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
                if (arg != args.end()) {
                    out += arg->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

Result<StringTable> loadStringTable(const std::filesystem::path& i18nDir, Language language) {
    const auto dir = i18nDir / std::string(toString(language));
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json") files.push_back(it->path());
    }
    if (ec) return fail(ErrorKind::Io, dir.string() + ": cannot read folder: " + ec.message());
    if (files.empty()) return fail(ErrorKind::Io, dir.string() + ": no .json string tables");
    std::sort(files.begin(), files.end());
    StringTable table;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) return fail(ErrorKind::Io, file.string() + ": cannot read");
        if (auto added = table.addJson(text.str(), file.string()); !added) return std::unexpected(added.error());
    }
    return table;
}

}  // namespace kiosk::core
