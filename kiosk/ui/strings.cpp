#include "kiosk/ui/strings.hpp"

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
