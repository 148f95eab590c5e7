#pragma once
// Dedupe of repeated scans: a receipt held under the camera is decoded on every frame, and a
// keyboard-wedge scanner may be triggered twice; the kiosk should look it up once.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

/// Decides whether a decoded text is news. The same text seen again within `window` of its last
/// sighting is not reported (holding the receipt still keeps it quiet); a different text is reported
/// at once and replaces the remembered one. Time is passed in (steady clock).
class ScanDedupe {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// @param window how long a text stays "already seen" after its last sighting
    explicit ScanDedupe(std::chrono::milliseconds window) : m_window(window) {}

    /// Records a sighting.
    /// @param text the decoded text (kept in memory only to compare; never logged)
    /// @param now  the time of the sighting
    /// @return true when the text should be reported (looked up)
    bool shouldReport(std::string_view text, TimePoint now);

    /// Forgets the remembered text (the session ended: the same receipt may be scanned again).
    void reset();

    [[nodiscard]] std::chrono::milliseconds window() const noexcept { return m_window; }

private:
    std::chrono::milliseconds m_window;
    std::string m_lastText;
    std::optional<TimePoint> m_lastSeen;
};

}  // namespace kiosk::core
