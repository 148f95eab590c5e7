#pragma once
// The one QR encoder of the kiosk: text -> module matrix, with ZXing-C++'s writer. Everything that
// shows a QR code draws this matrix its own way: the screens as rectangles (kiosk/ui/qr_code.cpp),
// the slips as a 1-bit raster (kiosk/core/slip/qr_image.cpp), and any other picture of a code (a
// grey image for the scan tests, for example) can scale it the same way.

#include <cstddef>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// The quiet zone ISO/IEC 18004 asks for, in modules, on every side. Not part of QrMatrix: each
/// drawing adds it at its own scale.
inline constexpr int kQrQuietZoneModules = 4;

/// The longest payload encoded: a follow-up URL with a dossier code is about 100 bytes, and anything
/// near the QR limit would need modules too small to print on 58 mm paper or scan from a screen.
inline constexpr std::size_t kMaxQrPayloadBytes = 1000;

/// Error correction. M survives a scuffed slip or a glare spot without growing the symbol much.
enum class QrEcc { L, M, Q, H };

/// Modules of a QR symbol, without quiet zone, row-major; true = dark.
struct QrMatrix {
    int size = 0;  ///< modules on one side
    std::vector<bool> modules;
    [[nodiscard]] bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
    }
};

/// Encodes `text` (UTF-8, byte mode) as the smallest QR symbol that holds it.
/// @param text the payload; 1..kMaxQrPayloadBytes bytes
/// @param ecc  error correction level
/// @return the matrix, or InvalidInput for an empty or too long payload
Result<QrMatrix> encodeQr(std::string_view text, QrEcc ecc = QrEcc::M);

}  // namespace kiosk::core
