#pragma once
// ScanThrottle: a receipt held under the camera is decoded on every frame (15 a second) and a
// keyboard-wedge scanner may fire twice. The scan service passes the same text on at most once per
// interval, so the UI thread is not flooded; whether a repeat is a new lookup is the flow's rule alone
// (core::step, FlowConfig::dedupeSeconds: a receipt still in view is not looked up again, after Done or
// the idle reset alike; out of view for that long, it is news). This class decides nothing about lookups.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

class ScanThrottle {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// @param interval the least time between two passes of the same text; keep it well under the
    ///                 flow's dedupe window, so a held receipt keeps refreshing it
    explicit ScanThrottle(std::chrono::milliseconds interval) : m_interval(interval) {}

    /// Records a sighting.
    /// @param text the decoded text (kept in memory only to compare; never logged)
    /// @param now  the time of the sighting
    /// @return true when the text should be passed on: it differs from the last one passed, or the
    ///         interval has run since that one was passed
    bool pass(std::string_view text, TimePoint now);

    [[nodiscard]] std::chrono::milliseconds interval() const noexcept { return m_interval; }

private:
    std::chrono::milliseconds m_interval;
    std::string m_lastText;
    std::optional<TimePoint> m_lastPassed;
};

}  // namespace kiosk::core
