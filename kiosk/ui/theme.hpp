#pragma once
// Colours and metrics of the kiosk's look. Every screen takes its sizes and colours from here, so that
// screen scaling, large-text and high-contrast modes change one place.
//
// Scale: 1.0 when the window's short side is 1080 px (1920x1080 landscape, 1080x1920 portrait);
// 1366x768 gives 0.71. Touch targets are never smaller than the configured size (96 px at 1080p).

#include <imgui.h>

#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

struct ThemeOptions {
    float scale = 1.0f;          ///< 1.0 at 1080 px on the short side
    bool highContrast = false;
    bool largeText = false;
    float touchTargetPx = 96.0f; ///< minimum touch target at 1080 px (configured)
};

/// Scale for a framebuffer: short side / 1080, clamped to [0.5, 3].
float scaleForWindow(int width, int height);

struct Palette {
    ImVec4 background;
    ImVec4 surface;        ///< cards
    ImVec4 surfaceAlt;     ///< header and footer bands
    ImVec4 text;
    ImVec4 textMuted;
    ImVec4 border;
    ImVec4 primary;        ///< main action
    ImVec4 primaryPressed;
    ImVec4 primaryText;
    ImVec4 secondary;      ///< other actions
    ImVec4 secondaryPressed;
    ImVec4 secondaryText;
    ImVec4 accent;         ///< office band, selected toggles
    ImVec4 accentText;
    ImVec4 danger;
    ImVec4 overlay;        ///< dims the screen under the idle warning
};

struct Metrics {
    float scale = 1.0f;
    float touch = 96.0f;     ///< minimum height/width of anything tappable
    float gap = 24.0f;       ///< space between tappable things, so one finger never hits two
    float padding = 32.0f;   ///< inside cards and screen edges
    float radius = 16.0f;
    float headerHeight = 120.0f;
    float footerHeight = 140.0f;
};

struct Theme {
    Palette palette;
    Metrics metrics;
    bool highContrast = false;
    bool largeText = false;
};

/// Applies colours and paddings to the current ImGui context and makes them current().
void applyTheme(const ThemeOptions& options);

/// The theme last applied.
const Theme& currentTheme();

/// Colour of a status (background of the status card) and the colour of text on it.
ImVec4 statusColour(StatusTone tone);
ImVec4 statusTextColour(StatusTone tone);

/// ImGui colour helper.
inline ImU32 toU32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace kiosk::ui
