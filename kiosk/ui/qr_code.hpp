#pragma once
// QR code drawn as ImGui rectangles from ZXing's writer matrix: no texture, crisp at any scale.

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

/// Module matrix of a QR code (true = dark), row-major.
struct QrMatrix {
    int size = 0;
    std::vector<bool> modules;
    [[nodiscard]] bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
};

/// Encodes `text` (UTF-8) with error correction level M; empty matrix when it does not fit.
QrMatrix encodeQr(const std::string& text);

/// Draws the QR code for `text` at the cursor, `side` pixels wide including a 4-module quiet zone
/// on a white square (also in high contrast: scanners need dark on light). The matrix is cached for
/// the last text, so redrawing costs no encoding.
void drawQr(const std::string& text, float side);

}  // namespace kiosk::ui
