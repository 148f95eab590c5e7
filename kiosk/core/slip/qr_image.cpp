#include "kiosk/core/slip/qr_image.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace kiosk::core::slip {

namespace {
// The longest payload we accept: a URL with the dossier code is ~100 bytes; anything near the QR
// limit would need modules too small to print on 58 mm paper anyway.
constexpr std::size_t kMaxQrPayload = 1000;

Result<ZXing::BitMatrix> encodeModules(std::string_view payload) {
    if (payload.empty()) {
        return fail(ErrorKind::InvalidInput, "QR payload is empty");
    }
    if (payload.size() > kMaxQrPayload) {
        return fail(ErrorKind::InvalidInput, "QR payload longer than " + std::to_string(kMaxQrPayload) + " bytes");
    }
    try {
        // ECC level 4 of 0..8 is QR level M: survives a scuffed slip without growing the symbol much.
        // Width/height 0 and margin 0 give one matrix cell per module; we scale and add the quiet zone.
        auto writer = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(0).setEccLevel(4);
        writer.setEncoding(ZXing::CharacterSet::UTF8);
        return writer.encode(std::string{payload}, 0, 0);
    } catch (const std::exception& e) {
        // ZXing signals "does not fit" with an exception; for us it is bad input.
        return fail(ErrorKind::InvalidInput, std::string{"QR payload cannot be encoded: "} + e.what());
    }
}
}  // namespace

Result<int> qrModuleCount(std::string_view payload) {
    auto modules = encodeModules(payload);
    if (!modules) {
        return std::unexpected(modules.error());
    }
    return modules->width();
}

Result<Raster> renderQr(std::string_view payload, int moduleDots) {
    if (moduleDots < 1 || moduleDots > 64) {
        return fail(ErrorKind::InvalidInput, "QR module size must be 1..64 dots");
    }
    auto modules = encodeModules(payload);
    if (!modules) {
        return std::unexpected(modules.error());
    }
    const int n = modules->width();
    const int side = (n + 2 * kQrQuietZoneModules) * moduleDots;
    Raster r = Raster::blank(side, side);
    for (int my = 0; my < n; ++my) {
        for (int mx = 0; mx < n; ++mx) {
            if (!modules->get(mx, my)) {
                continue;
            }
            const int x0 = (mx + kQrQuietZoneModules) * moduleDots;
            const int y0 = (my + kQrQuietZoneModules) * moduleDots;
            for (int dy = 0; dy < moduleDots; ++dy) {
                for (int dx = 0; dx < moduleDots; ++dx) {
                    r.set(x0 + dx, y0 + dy);
                }
            }
        }
    }
    return r;
}

}  // namespace kiosk::core::slip
