#pragma once
// QR codes drawn as 1-bit rasters from the kiosk's one QR encoder (kiosk/core/common/qr_matrix.hpp).
// Shared by the slip renderer and by the ESC/POS parser, which draws a printer-native QR (GS ( k)
// the way a printer would.

#include <string_view>

#include "kiosk/core/common/qr_matrix.hpp"
#include "kiosk/core/common/result.hpp"
#include "kiosk/core/slip/raster.hpp"

namespace kiosk::core::slip {

/// The quiet zone, in modules (the same on screen and on paper).
inline constexpr int kQrQuietZoneModules = core::kQrQuietZoneModules;

/// Number of modules on one side of the QR symbol for `payload` (without quiet zone).
/// @return an error when the payload cannot be encoded (empty or too long).
Result<int> qrModuleCount(std::string_view payload);

/// Draws `payload` as a QR code (error correction M) with a 4-module quiet zone.
/// @param moduleDots dots per module side; >= 4 at 203 dpi (0.5 mm) so a phone reads it from paper.
/// @return the raster, (modules + 8) * moduleDots dots square, or an error for an empty or too long payload.
Result<Raster> renderQr(std::string_view payload, int moduleDots);

}  // namespace kiosk::core::slip
