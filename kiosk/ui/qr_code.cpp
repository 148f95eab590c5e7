#include "kiosk/ui/qr_code.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <cmath>
#include <exception>

namespace kiosk::ui {

QrMatrix encodeQr(const std::string& text) {
    QrMatrix out;
    if (text.empty()) {
        return out;
    }
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setMargin(0).setEccLevel(4);  // ZXing's 0..8 scale: 4 is level M
        // Width/height 0: one pixel per module, so the matrix is exactly the code.
        const ZXing::BitMatrix matrix = writer.encode(text, 0, 0);
        out.size = matrix.width();
        out.modules.resize(static_cast<std::size_t>(out.size * out.size));
        for (int y = 0; y < out.size; ++y) {
            for (int x = 0; x < out.size; ++x) {
                out.modules[static_cast<std::size_t>(y * out.size + x)] = matrix.get(x, y);
            }
        }
    } catch (const std::exception&) {
        // Text too long for a QR code: show none rather than fail the screen.
        return QrMatrix{};
    }
    return out;
}

void drawQr(const std::string& text, float side) {
    static std::string cachedText;
    static QrMatrix cached;
    if (text != cachedText) {
        cachedText = text;
        cached = encodeQr(text);
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    if (cached.size == 0) {
        return;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    const int total = cached.size + 8;  // quiet zone of 4 modules each side
    const float module = std::floor(side / static_cast<float>(total));
    const float offset = std::floor((side - module * static_cast<float>(cached.size)) * 0.5f);
    for (int y = 0; y < cached.size; ++y) {
        int x = 0;
        while (x < cached.size) {
            if (!cached.dark(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < cached.size && cached.dark(run, y)) {
                ++run;
            }
            // One rectangle per horizontal run keeps the vertex count low.
            const ImVec2 a(origin.x + offset + module * static_cast<float>(x), origin.y + offset + module * static_cast<float>(y));
            const ImVec2 b(a.x + module * static_cast<float>(run - x), a.y + module);
            list->AddRectFilled(a, b, IM_COL32_BLACK);
            x = run;
        }
    }
}

}  // namespace kiosk::ui
