#include "kiosk/app/shell/camera_preview.hpp"

#include <algorithm>
#include <cstdlib>

namespace kiosk::app {
namespace {

constexpr auto kOutlineFlash = std::chrono::milliseconds(1200);
constexpr auto kMinUploadInterval = std::chrono::milliseconds(250);  // at most 4 new pictures a second
constexpr int kBlocksAcross = 16;  // fingerprint grid; a 320x240 preview gives 20x20-pixel blocks
constexpr int kBlocksDown = 12;
constexpr int kChangeLevels = 10;  // a block mean moving more than this is a change, not sensor noise

}  // namespace

bool CameraPreview::update(const KioskServices& services, bool attractShown, Clock::time_point now) {
    if (!services.cameraConfigured() || !attractShown) return false;
    bool changed = false;
    if (const auto seen = services.lastDetection(); seen && seen->frameSequence != m_outlineFrame) {
        m_outlineFrame = seen->frameSequence;
        m_outline.clear();
        for (const auto& p : seen->points) {
            m_outline.push_back(p.x);
            m_outline.push_back(p.y);
        }
        m_outlineUntil = seen->seen + kOutlineFlash;
        changed = true;
    }
    if (!m_outline.empty() && now >= m_outlineUntil) {
        m_outline.clear();
        changed = true;
    }
    if (now - m_lastUpload >= kMinUploadInterval && services.latestPreview(m_frame)) {
        std::vector<std::uint8_t> print = fingerprint(m_frame.image);
        if (m_texture.id() == nullptr || differs(print, m_shown)) {
            m_lastUpload = now;
            m_texture.upload(m_frame.image);
            m_shown = std::move(print);
            changed = true;
        }
    }
    return changed;
}

std::vector<std::uint8_t> CameraPreview::fingerprint(const core::LumaImage& image) {
    std::vector<std::uint8_t> out(static_cast<std::size_t>(kBlocksAcross * kBlocksDown), 0);
    if (image.width < kBlocksAcross || image.height < kBlocksDown) return out;
    for (int by = 0; by < kBlocksDown; ++by) {
        const int y0 = by * image.height / kBlocksDown;
        const int y1 = (by + 1) * image.height / kBlocksDown;
        for (int bx = 0; bx < kBlocksAcross; ++bx) {
            const int x0 = bx * image.width / kBlocksAcross;
            const int x1 = (bx + 1) * image.width / kBlocksAcross;
            std::uint64_t sum = 0;
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
                for (int x = x0; x < x1; ++x) sum += row[x];
            }
            const auto count = static_cast<std::uint64_t>((y1 - y0) * (x1 - x0));
            out[static_cast<std::size_t>(by * kBlocksAcross + bx)] = static_cast<std::uint8_t>(sum / std::max<std::uint64_t>(1, count));
        }
    }
    return out;
}

bool CameraPreview::differs(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    if (a.size() != b.size()) return true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::abs(int{a[i]} - int{b[i]}) > kChangeLevels) return true;
    }
    return false;
}

std::optional<double> CameraPreview::secondsUntilOutlineEnds(Clock::time_point now) const {
    if (m_outline.empty()) return std::nullopt;
    return std::chrono::duration<double>(m_outlineUntil - now).count();
}

}  // namespace kiosk::app
