#pragma once
// CameraPreview: the camera picture on the attract screen and the outline of a code just detected.
// UI thread only, with the window's GL context current. The texture is uploaded only when the scan
// service has a newer preview, at most 10 times a second, and only while the attract screen shows.

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "kiosk/app/services/kiosk_services.hpp"
#include "kiosk/app/shell/preview_texture.hpp"

namespace kiosk::app {

class CameraPreview {
public:
    using Clock = std::chrono::steady_clock;

    /// Takes a newer preview and detection from `services` when the attract screen shows.
    /// @return true when what is drawn changed (a new picture, or the outline appeared or ended)
    bool update(const KioskServices& services, bool attractShown, Clock::time_point now);
    /// Seconds until the outline's flash ends, when one shows (the loop wakes to remove it).
    [[nodiscard]] std::optional<double> secondsUntilOutlineEnds(Clock::time_point now) const;
    /// The session ended: no outline of its code stays on screen.
    void clearOutline() { m_outline.clear(); }
    /// Deletes the texture (before the GL context goes).
    void release() { m_texture.release(); }

    [[nodiscard]] const PreviewTexture& texture() const { return m_texture; }
    /// Corners x0,y0..x3,y3 as fractions of the preview; empty when nothing flashes.
    [[nodiscard]] const std::vector<float>& outline() const { return m_outline; }

private:
    PreviewFrame m_frame;
    PreviewTexture m_texture;
    Clock::time_point m_lastUpload{};
    std::vector<float> m_outline;
    Clock::time_point m_outlineUntil{};
    std::uint64_t m_outlineFrame = 0;
};

}  // namespace kiosk::app
