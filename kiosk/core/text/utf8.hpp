#pragma once
// UTF-8 text helpers shared by receipt reading, the backend mapping, search and rendering.
// Built on utf8proc (Debian's libutf8proc) so the Unicode tables are not ours to maintain.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core::text {

/// @return true when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view s);

/// Canonical composition (NFC). Vietnamese typed with combining marks ("e" + U+0302 + U+0301)
/// becomes precomposed ("ế"), which ImGui 1.86 needs because it has no text shaping.
/// @return std::nullopt when `s` is not valid UTF-8.
std::optional<std::string> toNfc(std::string_view s);

/// Like toNfc, but invalid sequences are replaced with U+FFFD instead of failing: for text from a
/// backend that must be shown anyway.
std::string toNfcLossy(std::string_view s);

/// Search key: NFC, lower case, Vietnamese diacritics removed and đ/Đ folded to d, runs of
/// whitespace and punctuation collapsed to one space, trimmed. "Lý lịch  TƯ PHÁP" -> "ly lich tu phap".
std::string foldForSearch(std::string_view s);

/// Decodes `s` into code points; invalid bytes become U+FFFD.
std::vector<char32_t> decode(std::string_view s);

/// Encodes one code point as UTF-8 and appends it to `out`.
void append(std::string& out, char32_t cp);

/// @return true for the Unicode Bidi_Control characters (U+061C, U+200E, U+200F, U+202A..U+202E,
///         U+2066..U+2069): invisible marks that reorder the text around them, so "U+202E" can make
///         a name or note read backwards on screen and on the slip.
bool isBidiControl(char32_t cp);

/// Removes every bidi control (see isBidiControl). Invalid UTF-8 becomes U+FFFD.
/// @param s text from outside (the backend, a catalog)
/// @return the text without bidi controls
std::string removeBidiControls(std::string_view s);

}  // namespace kiosk::core::text
