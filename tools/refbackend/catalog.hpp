#pragma once
// The guidance catalog as the reference backend serves it: one JSON document with every entry inline
// (the backend form in docs/guidance-format.md), made from the bundled catalog's files.

#include <expected>
#include <filesystem>
#include <string>

namespace refbackend {

/// Reads the catalog document at `path` and replaces each entry file reference ("entries/x.json",
/// relative to the document's folder) with the entry's JSON object.
/// @return the document as compact JSON, or a message naming the file that could not be used
std::expected<std::string, std::string> inlineCatalog(const std::filesystem::path& path);

}  // namespace refbackend
