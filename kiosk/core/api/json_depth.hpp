#pragma once
// Internal to kiosk/core/api: a cheap pre-check of JSON nesting depth, so a hostile body such as
// 100000 '[' is refused before nlohmann-json builds (and later destroys) a deep tree.

#include <string_view>

namespace kiosk::core::detail {

/// @return true when no array/object in `body` nests deeper than `maxDepth` (strings are skipped)
inline bool jsonDepthWithin(std::string_view body, int maxDepth) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : body) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

}  // namespace kiosk::core::detail
