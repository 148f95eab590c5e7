#pragma once
// Internal to kiosk/ui: the pieces every staff screen shares: the frame (header and tabs), the digit
// pad, the PIN dots, lines with a health dot, and the on-screen text keyboard for settings.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/screen_common.hpp"
#include "kiosk/ui/staff_views.hpp"

namespace kiosk::ui::staff_detail {

using detail::Rect;

/// Header with the page title, tabs (left column; a top band in portrait) and Exit.
/// @return the body rectangle; a tab or Exit tapped is stored in @p event
Rect drawFrame(const StaffFrame& frame, std::optional<StaffUiEvent>& event);

/// A tapped key of the digit pad.
struct PadPress {
    enum class Kind { None, Digit, Erase, EraseAll, Ok } kind = Kind::None;
    char digit = 0;
};

struct PadLabels {
    std::string ok, clear, erase;
};

/// 1-9, clear, 0, delete in a 3x4 grid, and OK under it, filling @p r. Ids: PREFIX-0..9, PREFIX-clear,
/// PREFIX-delete, PREFIX-ok.
PadPress digitPad(const std::string& prefix, const Rect& r, const PadLabels& labels, bool keysEnabled, bool eraseEnabled,
                  bool okEnabled);

/// Height a digit pad needs at its smallest (five rows of touch targets).
float digitPadMinHeight();

/// @p count filled dots (and room for up to 12) centred at @p centre.
void pinDots(int count, ImVec2 centre);

/// The colour of a health state.
ImVec4 healthColour(Health health);

/// Label and value lines, a health dot before each value that has one, from the cursor.
void drawLines(const std::vector<StaffLine>& lines, float width);

/// A text field: the value in a box (with a caret), or @p placeholder when empty.
void textField(const std::string& text, const Rect& r, bool problem);

/// What the keyboard did.
struct KeyboardPress {
    std::optional<std::string> text;  ///< the new whole text
    bool shift = false;               ///< shift was tapped
};

struct KeyboardLabels {
    std::string space, erase, clear, shift;
};

/// Letters, ă â đ ê ô ơ ư, the five tone keys, digits, . , : / - _ @ and a bottom row (shift, space,
/// delete, clear), flowing into as many columns as fit at the touch size. Ids: tkey-a ..., tkey-0 ...,
/// tkey-aw (ă) tkey-aa (â) tkey-dd (đ) tkey-ee (ê) tkey-oo (ô) tkey-ow (ơ) tkey-uw (ư), tkey-tone1..5,
/// tkey-dot, tkey-comma, tkey-colon, tkey-slash, tkey-dash, tkey-underscore, tkey-at, tkey-shift,
/// tkey-space, tkey-delete, tkey-clear.
KeyboardPress textKeyboard(const std::string& text, bool shift, const Rect& r, const KeyboardLabels& labels);

/// Height textKeyboard needs in @p width.
float keyboardHeight(float width);

/// Typing a new PIN twice, in @p r (screen_staff_pin.cpp).
std::optional<StaffUiEvent> newPinPanel(const NewPinView& view, const Rect& r);

/// A provisioning code: the invitation to scan, what it holds, apply (screen_staff_pages.cpp).
std::optional<StaffUiEvent> provisionPanel(const ProvisionView& view, const Rect& r);

/// A yes/no question in a card centred in @p r (ids confirm-yes, confirm-no): Answer.
std::optional<StaffUiEvent> confirmDialog(const std::string& question, const std::string& yes, const std::string& no,
                                          const Rect& r);

/// A short status line in the health's colour.
void statusLine(const std::string& text, Health health, float width);

}  // namespace kiosk::ui::staff_detail
