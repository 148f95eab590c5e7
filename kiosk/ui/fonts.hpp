#pragma once
// Fonts: Noto Sans Regular and Bold from fonts-noto-core, with the Vietnamese glyph set plus the
// typographic marks the texts use (— – … “ ” ‘ ’ • ₫). ImGui 1.86 has no text shaping, so texts must
// be NFC (core normalises everything it passes on).

#include <imgui.h>

#include <string>

#include "kiosk/core/common/result.hpp"

namespace kiosk::ui {

struct FontOptions {
    std::string directory = KIOSK_FONT_DIR;  ///< holds NotoSans-Regular.ttf and NotoSans-Bold.ttf
    float scale = 1.0f;                      ///< theme scale (1.0 at 1080 px short side)
    bool largeText = false;                  ///< every size x1.3
};

/// The faces every screen uses.
struct FontSet {
    ImFont* small = nullptr;     ///< hints, timeline times
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* title = nullptr;     ///< bold screen titles
    ImFont* huge = nullptr;      ///< bold invitation, status label
};

/// Glyph ranges: ImGui's Vietnamese preset plus the extra marks (static storage, 0-terminated).
const ImWchar* kioskGlyphRanges();

/// Pixel size of each face for the options (exposed for tests).
struct FontSizes {
    float small, body, title, huge;
};
FontSizes fontSizes(const FontOptions& options);

/// Clears the current context's atlas, loads the faces and builds the atlas (RGBA32). The caller
/// uploads the texture (ImGui_ImplOpenGL3_CreateFontsTexture) when a renderer is running.
/// @return the set, or an Io error naming the missing font file
core::Result<FontSet> loadFonts(const FontOptions& options);

/// The set last loaded.
const FontSet& fonts();

}  // namespace kiosk::ui
