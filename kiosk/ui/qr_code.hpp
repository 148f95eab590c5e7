#pragma once
// QR codes on screen: the core encoder's matrix (kiosk/core/common/qr_matrix.hpp) drawn as ImGui
// rectangles, with no texture, so the code stays sharp at any scale.

#include <imgui.h>

#include <string>

namespace kiosk::ui {

/// Draws the QR code for `text` at the cursor, `side` pixels wide including a 4-module quiet zone
/// on a white square (also in high contrast: scanners need dark on light). The matrix is cached for
/// the last text, so redrawing costs no encoding; forgetQrCache() drops it.
/// @return pixels per module as drawn (0 when `text` cannot be encoded: nothing is drawn)
float drawQr(const std::string& text, float side);

/// The smallest side (quiet zone included) whose modules are at least `modulePx` pixels for `text`;
/// 0 when `text` cannot be encoded.
float qrSideFor(const std::string& text, float modulePx);

/// Drops the cached matrix (and so the text it was made from): the session that showed it ended.
void forgetQrCache();

}  // namespace kiosk::ui
