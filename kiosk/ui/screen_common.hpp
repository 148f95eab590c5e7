#pragma once
// Internal to kiosk/ui: the header band, layout rectangles and small pieces the screens share.

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui::detail {

struct Rect {
    ImVec2 min;
    ImVec2 max;
    [[nodiscard]] float width() const { return max.x - min.x; }
    [[nodiscard]] float height() const { return max.y - min.y; }
};

/// True when the window is taller than wide (1080x1920).
bool portrait();

/// Draws the office band with the title on the left and date and clock on the right.
/// @return the rectangle below it, inset by the theme padding
Rect drawHeader(const Chrome& chrome, std::string_view title);

/// A card background (surface, border in high contrast).
void drawCard(const Rect& r);
void drawCard(ImVec2 min, ImVec2 max);

/// Moves the cursor to an absolute screen position.
void moveTo(ImVec2 pos);

/// A button that shows a check box and the label; filled when on.
bool toggleButton(const char* id, std::string_view label, bool on, ImVec2 size);

/// Language, large-text and high-contrast switches in one row (or two when narrow).
std::optional<UiEvent> drawAccessibilityRow(const Chrome& chrome, const Rect& r);

/// A labelled field: muted label above, value below, wrapped at `width`.
void field(std::string_view label, std::string_view value, float width);

/// A receipt ("giấy tiếp nhận hồ sơ và hẹn trả kết quả") drawn from primitives, `height` tall at `at`,
/// with the dossier code line marked and an arrow from `caption` (drawn at its right, `captionW` wide)
/// to it: where the code a citizen must type is printed. Published as layout mark "message.receipt".
void drawReceipt(ImVec2 at, float height, const std::string& caption, float captionW);

/// Section heading in the bold face with space above.
void heading(std::string_view text, float width);

}  // namespace kiosk::ui::detail
