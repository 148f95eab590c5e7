#pragma once
// Renders codes as luminance images with ZXing's writer: the synthetic camera source, the receipt
// generator and the tests draw real, decodable codes instead of canned pictures.

#include <string_view>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::core {

struct CodeRenderOptions {
    int modulePixels = 4;   ///< pixels per QR module / per narrowest 1D bar
    int quietModules = 4;   ///< white border, in modules
    int barHeight = 60;     ///< Code 128 bar height in pixels
    std::uint8_t dark = 20;
    std::uint8_t light = 240;
};

/// Draws `text` as a QR code (the writer's default error correction) or a Code 128 barcode.
/// @return the image, or InvalidInput when the writer cannot encode the text (too long, bad chars)
Result<LumaImage> renderCode(std::string_view text, Symbology symbology, const CodeRenderOptions& options = {});

/// Copies `src` into `dst` with its top-left corner at (x, y); parts outside `dst` are clipped.
void blit(ImageView src, LumaImage& dst, int x, int y);

}  // namespace kiosk::core
