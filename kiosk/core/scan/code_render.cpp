#include "kiosk/core/scan/code_render.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <string>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace kiosk::core {

Result<LumaImage> renderCode(std::string_view text, Symbology symbology, const CodeRenderOptions& options) {
    if (text.empty()) return fail(ErrorKind::InvalidInput, "nothing to encode");
    const int module = std::max(1, options.modulePixels);
    const int quiet = std::max(0, options.quietModules);
    ZXing::BitMatrix matrix;
    try {
        const auto format = symbology == Symbology::QrCode ? ZXing::BarcodeFormat::QRCode : ZXing::BarcodeFormat::Code128;
        ZXing::MultiFormatWriter writer(format);
        writer.setMargin(0);
        // Width/height 0 (1 for 1D) ask for the natural size: one pixel per module.
        matrix = writer.encode(std::string{text}, 0, symbology == Symbology::QrCode ? 0 : 1);
    } catch (const std::exception& e) {
        // The writer reports unencodable input by throwing; that is bad input, not a bug.
        return fail(ErrorKind::InvalidInput, std::string{"cannot encode: "} + e.what());
    }
    const int rows = symbology == Symbology::QrCode ? matrix.height() : 1;
    const int w = (matrix.width() + 2 * quiet) * module;
    const int h = symbology == Symbology::QrCode ? (rows + 2 * quiet) * module
                                                 : std::max(1, options.barHeight) + 2 * quiet * module;
    LumaImage out;
    out.resize(w, h);
    std::fill(out.pixels.begin(), out.pixels.end(), options.light);
    const int rowHeight = symbology == Symbology::QrCode ? module : std::max(1, options.barHeight);
    for (int my = 0; my < rows; ++my) {
        for (int mx = 0; mx < matrix.width(); ++mx) {
            if (!matrix.get(mx, my)) continue;
            for (int dy = 0; dy < rowHeight; ++dy) {
                std::uint8_t* p = out.pixels.data() + static_cast<std::ptrdiff_t>(quiet * module + my * module + dy) * w +
                                  (quiet + mx) * module;
                std::memset(p, options.dark, static_cast<std::size_t>(module));
            }
        }
    }
    return out;
}

void blit(ImageView src, LumaImage& dst, int x, int y) {
    for (int sy = 0; sy < src.height; ++sy) {
        const int dy = y + sy;
        if (dy < 0 || dy >= dst.height) continue;
        const int x0 = std::max(0, x);
        const int x1 = std::min(dst.width, x + src.width);
        if (x1 <= x0) continue;
        std::memcpy(dst.pixels.data() + static_cast<std::ptrdiff_t>(dy) * dst.width + x0, src.row(sy) + (x0 - x),
                    static_cast<std::size_t>(x1 - x0));
    }
}

}  // namespace kiosk::core
