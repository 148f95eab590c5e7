#include "kiosk/app/shell/camera_preview.hpp"

namespace kiosk::app {
namespace {

constexpr auto kOutlineFlash = std::chrono::milliseconds(1200);
constexpr auto kMinUploadInterval = std::chrono::milliseconds(100);

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
        m_lastUpload = now;
        m_texture.upload(m_frame.image);
        changed = true;
    }
    return changed;
}

std::optional<double> CameraPreview::secondsUntilOutlineEnds(Clock::time_point now) const {
    if (m_outline.empty()) return std::nullopt;
    return std::chrono::duration<double>(m_outlineUntil - now).count();
}

}  // namespace kiosk::app
