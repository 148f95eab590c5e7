#pragma once
// CameraPreview: the camera picture on the attract screen and the outline of a code just detected.
// UI thread only, with the window's GL context current.
//
// A new picture costs a whole frame of the screen (software GL draws all of it), so the preview is shown
// only when it changes: someone steps up, a receipt comes into view. Each preview is reduced to block
// averages (sensor noise averages out); a picture whose blocks all stay within a few grey levels of the
// one on screen is not uploaded. Changes are shown at most 4 times a second, and only on Attract.

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

    /// Block averages of a luminance image: the preview's fingerprint for change detection.
    static std::vector<std::uint8_t> fingerprint(const core::LumaImage& image);
    /// True when two fingerprints differ enough to be worth a frame (some block moved by more than noise).
    static bool differs(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);

private:
    PreviewFrame m_frame;
    std::vector<std::uint8_t> m_shown;  // fingerprint of the picture on screen
    PreviewTexture m_texture;
    Clock::time_point m_lastUpload{};
    std::vector<float> m_outline;
    Clock::time_point m_outlineUntil{};
    std::uint64_t m_outlineFrame = 0;
};

}  // namespace kiosk::app
