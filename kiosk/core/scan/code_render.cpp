#include "kiosk/core/scan/code_render.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include "kiosk/core/common/qr_matrix.hpp"

namespace kiosk::core {
namespace {

// Module matrix of `text`: QR through the kiosk's one QR encoder (kiosk/core/common/qr_matrix.hpp),
// Code 128 through ZXing's writer (one row of bars).
Result<std::vector<std::vector<bool>>> modulesOf(std::string_view text, Symbology symbology) {
    std::vector<std::vector<bool>> rows;
    if (symbology == Symbology::QrCode) {
        auto qr = encodeQr(text, QrEcc::L);
        if (!qr) return std::unexpected(qr.error());
        for (int y = 0; y < qr->size; ++y) {
            std::vector<bool> row(static_cast<std::size_t>(qr->size));
            for (int x = 0; x < qr->size; ++x) row[static_cast<std::size_t>(x)] = qr->dark(x, y);
            rows.push_back(std::move(row));
        }
        return rows;
    }
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::Code128);
        writer.setMargin(0);
        const ZXing::BitMatrix bars = writer.encode(std::string{text}, 0, 1);  // natural size: a module per pixel
        std::vector<bool> row(static_cast<std::size_t>(bars.width()));
        for (int x = 0; x < bars.width(); ++x) row[static_cast<std::size_t>(x)] = bars.get(x, 0);
        rows.push_back(std::move(row));
    } catch (const std::exception& e) {
        // The writer reports unencodable input by throwing; that is bad input, not a bug.
        return fail(ErrorKind::InvalidInput, std::string{"cannot encode: "} + e.what());
    }
    return rows;
}

}  // namespace

Result<LumaImage> renderCode(std::string_view text, Symbology symbology, const CodeRenderOptions& options) {
    if (text.empty()) return fail(ErrorKind::InvalidInput, "nothing to encode");
    const int module = std::max(1, options.modulePixels);
    const int quiet = std::max(0, options.quietModules);
    auto modules = modulesOf(text, symbology);
    if (!modules) return std::unexpected(modules.error());
    const bool qr = symbology == Symbology::QrCode;
    const int rows = static_cast<int>(modules->size());
    const int cols = static_cast<int>(modules->front().size());
    const int w = (cols + 2 * quiet) * module;
    const int h = qr ? (rows + 2 * quiet) * module : std::max(1, options.barHeight) + 2 * quiet * module;
    LumaImage out;
    out.resize(w, h);
    std::fill(out.pixels.begin(), out.pixels.end(), options.light);
    const int rowHeight = qr ? module : std::max(1, options.barHeight);
    for (int my = 0; my < rows; ++my) {
        for (int mx = 0; mx < cols; ++mx) {
            if (!(*modules)[static_cast<std::size_t>(my)][static_cast<std::size_t>(mx)]) continue;
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
