#include "tools/refbackend/catalog.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

namespace refbackend {

namespace {

std::expected<nlohmann::json, std::string> readJson(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return std::unexpected("cannot read " + path.string());
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::unexpected(path.string() + " is not valid JSON");
    return doc;
}

}  // namespace

std::expected<std::string, std::string> inlineCatalog(const std::filesystem::path& path) {
    auto doc = readJson(path);
    if (!doc) return std::unexpected(doc.error());
    if (!doc->is_object()) return std::unexpected(path.string() + " is not a JSON object");
    auto entries = doc->find("entries");
    if (entries != doc->end() && entries->is_array()) {
        for (auto& entry : *entries) {
            if (!entry.is_string()) continue;  // already inline
            auto inlined = readJson(path.parent_path() / entry.get<std::string>());
            if (!inlined) return std::unexpected(inlined.error());
            entry = std::move(*inlined);
        }
    }
    return doc->dump();
}

}  // namespace refbackend
