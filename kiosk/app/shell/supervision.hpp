#pragma once
// Supervision: the kiosk screen's side of systemd's service protocol (platform/system.hpp). READY=1
// once the first frame is on screen, WATCHDOG=1 from the frame loop (so a UI thread that hangs stops
// the pings and systemd restarts the kiosk), STOPPING=1 when a clean stop begins. UI thread only.

#include <chrono>
#include <memory>
#include <optional>

#include "platform/system.hpp"

namespace kiosk::app {

/// How long a clean stop may take to finish or persist what is queued (ratings, slips). The unit's
/// TimeoutStopSec (packaging/systemd/kiosk.service) is larger, so systemd never kills a clean stop.
inline constexpr std::chrono::milliseconds kStopBudget{8000};

class Supervision {
public:
    /// @param notifier from buildDevices (null: nothing to tell, e.g. a test without a supervisor)
    explicit Supervision(std::unique_ptr<platform::SystemNotifier> notifier);

    /// The first frame is on screen: READY=1 (once).
    void firstFrameDrawn();
    /// One turn of the frame loop: WATCHDOG=1, at most every quarter of the watchdog interval.
    void loopTurn();
    /// The longest the frame loop may sleep and still feed the watchdog in time (a third of its
    /// interval), in seconds; nullopt without a watchdog.
    [[nodiscard]] std::optional<double> maxSleepSeconds() const;
    /// A clean stop begins: STOPPING=1.
    void stopping();

private:
    std::unique_ptr<platform::SystemNotifier> m_notifier;
    std::optional<std::chrono::microseconds> m_watchdog;
    std::chrono::steady_clock::time_point m_lastPing{};
    bool m_ready = false;
};

}  // namespace kiosk::app
