#include "kiosk/core/escpos/escpos_encoder.hpp"

#include <algorithm>

namespace kiosk::core::escpos {

namespace {
constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;
constexpr std::size_t kMaxQrData = 7089;
}  // namespace

void EscPosEncoder::put(std::initializer_list<int> values) {
    for (int v : values) {
        m_bytes.push_back(static_cast<std::uint8_t>(v & 0xFF));
    }
}

EscPosEncoder& EscPosEncoder::init() {
    put({ESC, '@'});
    return *this;
}

EscPosEncoder& EscPosEncoder::raster(const slip::Raster& image, int bandRows) {
    bandRows = std::clamp(bandRows, 24, 255);
    const int rowBytes = image.rowBytes();
    for (int top = 0; top < image.height; top += bandRows) {
        const int rows = std::min(bandRows, image.height - top);
        // GS v 0 m xL xH yL yH: m = 0 normal density; x in bytes, y in dots.
        put({GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, rows & 0xFF, rows >> 8});
        const auto begin = image.bits.begin() + static_cast<std::ptrdiff_t>(top) * rowBytes;
        m_bytes.insert(m_bytes.end(), begin, begin + static_cast<std::ptrdiff_t>(rows) * rowBytes);
    }
    return *this;
}

EscPosEncoder& EscPosEncoder::align(int n) {
    put({ESC, 'a', std::clamp(n, 0, 2)});
    return *this;
}

EscPosEncoder& EscPosEncoder::feedDots(int dots) {
    while (dots > 0) {
        const int n = std::min(dots, 255);
        put({ESC, 'J', n});
        dots -= n;
    }
    return *this;
}

EscPosEncoder& EscPosEncoder::feedLines(int lines) {
    put({ESC, 'd', std::clamp(lines, 0, 255)});
    return *this;
}

EscPosEncoder& EscPosEncoder::cut(CutMode mode) {
    if (mode == CutMode::Full) {
        put({GS, 'V', 0});
    } else if (mode == CutMode::Partial) {
        put({GS, 'V', 1});
    }
    return *this;
}

EscPosEncoder& EscPosEncoder::beep(int times, int durationUnits) {
    put({ESC, 'B', std::clamp(times, 1, 9), std::clamp(durationUnits, 1, 9)});
    return *this;
}

EscPosEncoder& EscPosEncoder::drawerKick(int pin, int onUnits, int offUnits) {
    put({ESC, 'p', pin == 0 ? 0 : 1, std::clamp(onUnits, 0, 255), std::clamp(offUnits, 0, 255)});
    return *this;
}

Result<void> EscPosEncoder::nativeQr(std::string_view payload, int moduleDots) {
    if (payload.empty() || payload.size() > kMaxQrData) {
        return fail(ErrorKind::InvalidInput, "native QR payload must be 1..7089 bytes");
    }
    const int size = std::clamp(moduleDots, 1, 16);
    put({GS, '(', 'k', 4, 0, 49, 65, 50, 0});   // fn 65: model 2
    put({GS, '(', 'k', 3, 0, 49, 67, size});    // fn 67: module size
    put({GS, '(', 'k', 3, 0, 49, 69, 49});      // fn 69: error correction M
    const auto len = static_cast<int>(payload.size()) + 3;
    put({GS, '(', 'k', len & 0xFF, len >> 8, 49, 80, 48});  // fn 80: store data
    m_bytes.insert(m_bytes.end(), payload.begin(), payload.end());
    put({GS, '(', 'k', 3, 0, 49, 81, 48});      // fn 81: print
    return {};
}

std::vector<std::uint8_t> encodeJob(const slip::Raster& image, const JobOptions& options) {
    EscPosEncoder enc;
    enc.init();
    if (options.beep) {
        enc.beep(1, 2);
    }
    enc.raster(image, options.bandRows);
    enc.feedDots(options.feedDotsBeforeCut);
    enc.cut(options.cut);
    if (options.drawerKick) {
        enc.drawerKick(0, 25, 250);
    }
    return enc.take();
}

std::vector<std::uint8_t> encodeSlipJob(const slip::RenderedSlip& slip, const JobOptions& options) {
    if (!options.nativeQr || slip.qrCodes.empty() || slip.qrCodes.size() != slip.qrPayloads.size()) {
        return encodeJob(slip.raster, options);
    }
    EscPosEncoder enc;
    enc.init();
    if (options.beep) {
        enc.beep(1, 2);
    }
    int top = 0;
    for (std::size_t i = 0; i < slip.qrCodes.size(); ++i) {
        const auto& box = slip.qrCodes[i];
        enc.raster(slip.raster.rows(top, box.y0), options.bandRows);
        enc.align(1);
        if (!enc.nativeQr(slip.qrPayloads[i], options.nativeQrModuleDots)) {
            // Cannot happen for payloads the renderer drew (they are far below the QR limit), but
            // fall back to the raster rows rather than lose the code.
            enc.raster(slip.raster.rows(box.y0, box.y1), options.bandRows);
        }
        enc.align(0);
        top = box.y1;
    }
    enc.raster(slip.raster.rows(top, slip.raster.height), options.bandRows);
    enc.feedDots(options.feedDotsBeforeCut);
    enc.cut(options.cut);
    if (options.drawerKick) {
        enc.drawerKick(0, 25, 250);
    }
    return enc.take();
}

}  // namespace kiosk::core::escpos
