#pragma once
// Colours and metrics of the kiosk's look. Every screen takes its sizes from here so that large-text
// and high-contrast modes and screen scaling change one place.

namespace kiosk::ui {

struct ThemeOptions {
    float scale = 1.0f;         ///< 1.0 at 1080 px on the short side
    bool highContrast = false;
    bool largeText = false;
};

/// Applies colours and paddings to the current ImGui context.
void applyTheme(const ThemeOptions& options);

}  // namespace kiosk::ui
