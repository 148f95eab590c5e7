#include "kiosk/core/common/qr_matrix.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace kiosk::core {

namespace {
// ZXing's writer takes error correction on a 0..8 scale: 0-1 L, 2-3 M... (ZXing-C++ MultiFormatWriter.h).
int zxingEccLevel(QrEcc ecc) {
    switch (ecc) {
    case QrEcc::L: return 1;
    case QrEcc::M: return 4;
    case QrEcc::Q: return 6;
    case QrEcc::H: return 8;
    }
    return 4;
}
}  // namespace

Result<QrMatrix> encodeQr(std::string_view text, QrEcc ecc) {
    if (text.empty()) {
        return fail(ErrorKind::InvalidInput, "QR payload is empty");
    }
    if (text.size() > kMaxQrPayloadBytes) {
        return fail(ErrorKind::InvalidInput, "QR payload longer than " + std::to_string(kMaxQrPayloadBytes) + " bytes");
    }
    ZXing::BitMatrix bits;
    try {
        // Width/height 0 and margin 0: one matrix cell per module; callers scale and add the quiet zone.
        auto writer = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(0).setEccLevel(zxingEccLevel(ecc));
        writer.setEncoding(ZXing::CharacterSet::UTF8);
        bits = writer.encode(std::string{text}, 0, 0);
    } catch (const std::exception& e) {
        // ZXing signals "does not fit" with an exception; for the kiosk it is bad input.
        return fail(ErrorKind::InvalidInput, std::string{"QR payload cannot be encoded: "} + e.what());
    }
    QrMatrix out;
    out.size = bits.width();
    out.modules.resize(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
    for (int y = 0; y < out.size; ++y) {
        for (int x = 0; x < out.size; ++x) {
            out.modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(out.size) + static_cast<std::size_t>(x)] =
                bits.get(x, y);
        }
    }
    return out;
}

}  // namespace kiosk::core
