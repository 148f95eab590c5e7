#include "kiosk/ui/qr_code.hpp"

#include <cmath>

#include "kiosk/core/common/qr_matrix.hpp"

namespace kiosk::ui {
namespace {

// The last text drawn and its matrix (UI thread only). The text carries a dossier code: the session
// wipe forgets it.
struct QrCache {
    std::string text;
    core::QrMatrix matrix;
};
QrCache g_cache;

const core::QrMatrix& matrixFor(const std::string& text) {
    if (text != g_cache.text) {
        g_cache.text = text;
        auto encoded = core::encodeQr(text);
        // Text too long for a QR code: show none rather than fail the screen.
        g_cache.matrix = encoded ? std::move(*encoded) : core::QrMatrix{};
    }
    return g_cache.matrix;
}

}  // namespace

void forgetQrCache() { g_cache = QrCache{}; }

float qrSideFor(const std::string& text, float modulePx) {
    const core::QrMatrix& m = matrixFor(text);
    if (m.size == 0) {
        return 0.0f;
    }
    return std::ceil(modulePx) * static_cast<float>(m.size + 2 * core::kQrQuietZoneModules);
}

float drawQr(const std::string& text, float side) {
    const core::QrMatrix& m = matrixFor(text);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    if (m.size == 0) {
        return 0.0f;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    const int total = m.size + 2 * core::kQrQuietZoneModules;
    // Whole pixels per module: fractional modules blur on a screen and phones read them worse.
    const float module = std::floor(side / static_cast<float>(total));
    const float offset = std::floor((side - module * static_cast<float>(m.size)) * 0.5f);
    for (int y = 0; y < m.size; ++y) {
        int x = 0;
        while (x < m.size) {
            if (!m.dark(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < m.size && m.dark(run, y)) {
                ++run;
            }
            // One rectangle per horizontal run keeps the vertex count low.
            const ImVec2 a(origin.x + offset + module * static_cast<float>(x), origin.y + offset + module * static_cast<float>(y));
            const ImVec2 b(a.x + module * static_cast<float>(run - x), a.y + module);
            list->AddRectFilled(a, b, IM_COL32_BLACK);
            x = run;
        }
    }
    return module;
}

}  // namespace kiosk::ui
