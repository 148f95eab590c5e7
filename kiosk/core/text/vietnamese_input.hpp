#pragma once
// Typing Vietnamese on the staff on-screen keyboard: letters (including ă â đ ê ô ơ ư) are typed as
// they are, and a tone key (sắc, huyền, hỏi, ngã, nặng) puts its mark on the last letter typed,
// replacing the tone it had, the way phone keyboards do. The result is always NFC, which ImGui 1.86
// needs (it has no text shaping).

#include <string>
#include <string_view>

namespace kiosk::core::text {

enum class ToneMark { Acute, Grave, HookAbove, Tilde, DotBelow };  ///< sắc, huyền, hỏi, ngã, nặng

/// @return @p text (NFC) with @p tone on its last character when that is a Vietnamese vowel (a ă â e ê
///         i o ô ơ u ư y, either case), replacing its tone; otherwise @p text unchanged. The same
///         tone again removes it ("á" + sắc = "a").
std::string withToneOnLast(std::string_view text, ToneMark tone);

/// @p text without its last character (a whole UTF-8 sequence, and its combining marks).
std::string dropLastCharacter(std::string_view text);

}  // namespace kiosk::core::text
