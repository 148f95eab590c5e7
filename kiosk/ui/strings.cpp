#include "kiosk/ui/strings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <vector>

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
    namespace fs = std::filesystem;
    const fs::path dir = assetsDir / "i18n" / std::string(language);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return core::fail(core::ErrorKind::Io, "no translations in " + dir.string());
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());  // deterministic when two tables share a key
    Strings strings;
    for (const fs::path& file : files) {
        std::ifstream in(file);
        const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) {
            return core::fail(core::ErrorKind::Parse, file.string() + ": not a flat JSON object");
        }
        for (const auto& [key, value] : doc.items()) {
            if (value.is_string()) {
                strings.set(key, value.get<std::string>());
            }
        }
    }
    return strings;
}

std::string substitute(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const auto close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const auto name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [argName, value] : args) {
                    if (argName == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i];
        ++i;
    }
    return out;
}

}  // namespace kiosk::ui
