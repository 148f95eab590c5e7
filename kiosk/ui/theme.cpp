#include "kiosk/ui/theme.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

Theme g_theme;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a);
}

// A calm civic palette: off-white paper, deep administrative blue, the national red used sparingly.
Palette calmPalette() {
    Palette p;
    p.background = rgb(244, 246, 249);
    p.surface = rgb(255, 255, 255);
    p.surfaceAlt = rgb(229, 235, 243);
    p.text = rgb(22, 32, 46);
    p.textMuted = rgb(80, 92, 110);
    p.border = rgb(196, 205, 218);
    p.primary = rgb(12, 76, 140);
    p.primaryPressed = rgb(6, 48, 92);
    p.primaryText = rgb(255, 255, 255);
    p.secondary = rgb(255, 255, 255);
    p.secondaryPressed = rgb(205, 218, 235);
    p.secondaryText = rgb(12, 62, 116);
    p.accent = rgb(168, 22, 32);
    p.accentText = rgb(255, 255, 255);
    p.danger = rgb(168, 22, 32);
    p.overlay = rgb(10, 20, 35, 0.72f);
    return p;
}

// High contrast: white and yellow on black, every edge outlined (WCAG AAA contrast for all text).
Palette highContrastPalette() {
    Palette p;
    p.background = rgb(0, 0, 0);
    p.surface = rgb(0, 0, 0);
    p.surfaceAlt = rgb(20, 20, 20);
    p.text = rgb(255, 255, 255);
    p.textMuted = rgb(235, 235, 235);
    p.border = rgb(255, 255, 255);
    p.primary = rgb(255, 221, 0);
    p.primaryPressed = rgb(190, 160, 0);
    p.primaryText = rgb(0, 0, 0);
    p.secondary = rgb(0, 0, 0);
    p.secondaryPressed = rgb(70, 70, 70);
    p.secondaryText = rgb(255, 255, 255);
    p.accent = rgb(255, 221, 0);
    p.accentText = rgb(0, 0, 0);
    p.danger = rgb(255, 120, 120);
    p.overlay = rgb(0, 0, 0, 0.85f);
    return p;
}

}  // namespace

float scaleForWindow(int width, int height) {
    const int shortSide = std::min(width, height);
    if (shortSide <= 0) {
        return 1.0f;
    }
    return std::clamp(static_cast<float>(shortSide) / 1080.0f, 0.5f, 3.0f);
}

void applyTheme(const ThemeOptions& options) {
    Theme theme;
    theme.highContrast = options.highContrast;
    theme.largeText = options.largeText;
    theme.palette = options.highContrast ? highContrastPalette() : calmPalette();
    const float s = options.scale;
    Metrics& m = theme.metrics;
    m.scale = s;
    // Touch targets keep the configured physical-ish size; large text makes them a little taller.
    m.touch = std::max(options.touchTargetPx * s, 48.0f) * (options.largeText ? 1.2f : 1.0f);
    m.gap = std::max(24.0f * s, 12.0f);
    m.padding = 32.0f * s;
    m.radius = 16.0f * s;
    m.headerHeight = (options.largeText ? 132.0f : 116.0f) * s;
    m.footerHeight = m.touch + 2.0f * m.gap;
    g_theme = theme;

    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle{};
    const Palette& p = theme.palette;
    style.WindowPadding = ImVec2(m.padding, m.padding);
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.ChildRounding = m.radius;
    style.ChildBorderSize = options.highContrast ? 2.0f * s : 0.0f;
    style.FrameRounding = m.radius;
    style.FramePadding = ImVec2(24.0f * s, 16.0f * s);
    style.ItemSpacing = ImVec2(m.gap, 16.0f * s);
    style.ItemInnerSpacing = ImVec2(12.0f * s, 12.0f * s);
    style.ScrollbarSize = 18.0f * s;
    style.ScrollbarRounding = 9.0f * s;
    style.GrabMinSize = 48.0f * s;
    style.TouchExtraPadding = ImVec2(0.0f, 0.0f);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface;  // no hover-only feedback on a touchscreen
    c[ImGuiCol_FrameBgActive] = p.secondaryPressed;
    c[ImGuiCol_ScrollbarBg] = p.surfaceAlt;
    c[ImGuiCol_ScrollbarGrab] = p.textMuted;
    c[ImGuiCol_ScrollbarGrabHovered] = p.textMuted;
    c[ImGuiCol_ScrollbarGrabActive] = p.text;
    c[ImGuiCol_Button] = p.secondary;
    c[ImGuiCol_ButtonHovered] = p.secondary;
    c[ImGuiCol_ButtonActive] = p.secondaryPressed;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ModalWindowDimBg] = p.overlay;
}

const Theme& currentTheme() { return g_theme; }

ImVec4 statusColour(StatusTone tone) {
    const bool hc = g_theme.highContrast;
    switch (tone) {
    case StatusTone::InProgress: return hc ? rgb(110, 190, 255) : rgb(14, 94, 170);
    case StatusTone::ActionNeeded: return hc ? rgb(255, 190, 60) : rgb(178, 92, 0);
    case StatusTone::Ready: return hc ? rgb(90, 230, 120) : rgb(22, 122, 58);
    case StatusTone::Completed: return hc ? rgb(190, 190, 190) : rgb(52, 96, 74);
    case StatusTone::Overdue: return hc ? rgb(255, 150, 150) : rgb(176, 40, 20);
    case StatusTone::Withdrawn: return hc ? rgb(200, 200, 200) : rgb(84, 96, 112);
    case StatusTone::Stopped: return hc ? rgb(255, 120, 120) : rgb(150, 20, 30);
    case StatusTone::Unknown: break;
    }
    return hc ? rgb(220, 220, 220) : rgb(90, 100, 116);
}

ImVec4 statusTextColour(StatusTone) {
    // In high contrast the status colours are light, so text on them is black.
    return g_theme.highContrast ? rgb(0, 0, 0) : rgb(255, 255, 255);
}

}  // namespace kiosk::ui
