#pragma once
// Touch widgets ImGui 1.86 lacks, and drawing helpers every screen shares.
//  - touchButton: a big target with pressed-state feedback and no hover-only look; each button has a
//    stable id ("manual-entry", "key-7") that the test hooks can tap.
//  - beginTouchScroll/endTouchScroll: drag-to-scroll with inertia for long content; a drag never
//    ends as a tap on the button under the finger.
//  - centred and wrapped text with a given face, status icons drawn from primitives (no icon font),
//    a spinner.
// Widgets that animate (spinner, inertia) call requestAnimation() so the app keeps redrawing at its
// limited rate; otherwise it waits for input.

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>

#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

enum class ButtonKind {
    Primary,    ///< the main action of a screen: filled
    Secondary,  ///< other actions: outlined
    Selected,   ///< the chosen option of a group (language, rating)
    Danger,     ///< cancel during a lookup
};

/// Where a button was drawn in the last frame (screen pixels).
struct TapTarget {
    ImVec2 min;
    ImVec2 max;
    bool enabled = true;
};

/// Call once per frame before the screens draw: forgets last frame's tap targets.
void beginUiFrame();

/// Call once per frame after the screens drew: publishes this frame's tap targets.
void endUiFrame();

/// Buttons drawn in the last completed frame, by id.
const std::map<std::string, TapTarget>& tapTargets();

/// A widget needs another frame soon (animation); the app reads and clears it after each frame.
void requestAnimation();
bool takeAnimationRequest();

/// A tappable button of at least the theme's touch size. The label is centred and wrapped.
/// @param id    stable id, unique on the screen; inside a touch scroll region it is listed in
///              tapTargets() only while wholly in view
/// @return true on the frame the finger is lifted inside it
/// @param leftInset room kept free on the left of the label (for a check box)
bool touchButton(const char* id, std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Secondary,
                 bool enabled = true, ImFont* font = nullptr, float leftInset = 0.0f);

/// Height a wrapped text takes at `width`.
float wrappedTextHeight(ImFont* font, std::string_view text, float width);

/// Text wrapped at `width` from the cursor, left aligned, in `colour`.
void wrappedText(ImFont* font, std::string_view text, const ImVec4& colour, float width);

/// A URL wrapped at `width` only after a '/', '?' or '&' of its path: the host is never broken
/// ("https://dichvucong.gov.vn/" stays whole), so it can be typed as it reads.
void urlText(ImFont* font, std::string_view url, const ImVec4& colour, float width);
float urlTextHeight(ImFont* font, std::string_view url, float width);

/// Text wrapped at `width` with each line centred in that width, from the cursor.
void centredText(ImFont* font, std::string_view text, const ImVec4& colour, float width);

/// Vertical space that keeps the cursor's column.
void vspace(float height);

/// Draws `text` wrapped at `width` at an absolute position with the draw list (no layout).
/// @return the height used
float drawWrappedAt(ImDrawList* list, ImFont* font, ImVec2 pos, std::string_view text, ImU32 colour, float width,
                    bool centred = false);

/// Starts a scrolling region that follows the finger, with inertia after release. It opens at the
/// top the first time it is drawn after resetSessionUi(), and whenever `contentKey` changes (a new
/// dossier in the same region); its visible rectangle is published as layout mark `id`.
void beginTouchScroll(const char* id, ImVec2 size, std::string_view contentKey = {});
/// Ends the region. While more content lies below the visible part, a fade at the bottom edge and
/// `moreHint` (when not empty) show that the region scrolls.
void endTouchScroll(std::string_view moreHint = {});

/// Where a named element was drawn in the last completed frame (screen pixels), for the test
/// control's `layout` command: the first-view rule (status, date and next step in view without
/// scrolling) is checked on these rectangles, not on pixels. `value` carries one number when the
/// element has one (a scroll region's scroll offset, a QR code's module size).
struct LayoutMark {
    ImVec2 min;
    ImVec2 max;
    float value = 0.0f;
};
/// Records element `id` at [min, max] for this frame.
void markLayout(const std::string& id, ImVec2 min, ImVec2 max, float value = 0.0f);
/// Records the last ImGui item (ImGui::GetItemRectMin/Max) as `id`.
void markLastItem(const std::string& id, float value = 0.0f);
/// Marks of the last completed frame, by id.
const std::map<std::string, LayoutMark>& layoutMarks();
/// "id=x0,y0,x1,y1,value ..." of layoutMarks(), sorted by id (one line for the test control).
std::string describeLayout();

/// The session ended (the flow's WipeSession): every scroll region opens at the top again, inertia
/// stops, and the QR matrix cached from the last dossier is dropped. Call on the UI thread.
void resetSessionUi();

/// Status icon: clock, exclamation, check, double check, cross or question mark inside a circle.
void drawStatusIcon(ImDrawList* list, StatusTone tone, ImVec2 centre, float radius, ImU32 circle, ImU32 glyph);

/// Rotating arc, `t` in seconds.
void drawSpinner(ImDrawList* list, ImVec2 centre, float radius, double t, ImU32 colour, float thickness);

/// Begins the full-window ImGui window every screen draws into (no decorations, no scrolling).
void beginScreen(const char* id);
void endScreen();

}  // namespace kiosk::ui
