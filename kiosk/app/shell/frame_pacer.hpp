#pragma once
// FramePacer: render on demand. The kiosk draws a frame only when something visible changed (an
// event, input, a worker's answer, the clock's minute) or a widget animates, at most 30 per second;
// otherwise the frame loop sleeps until the next thing that can change the picture. It also keeps the
// frame-time figures and logs slow frames (rate-limited, so a slow machine does not flood the journal).

#include <chrono>
#include <cstdint>
#include <optional>

#include "kiosk/app/services/frame_times.hpp"
#include "kiosk/app/shell/shell_hooks.hpp"

namespace kiosk::app {

class FramePacer {
public:
    using Clock = std::chrono::steady_clock;

    /// At least `frames` more frames (ImGui settles a change in two or three).
    void request(int frames);
    /// True when a frame is due now; counts it.
    bool takeFrame();
    /// A frame was drawn: `ms` in all, `buildMs` of it in our code; `animating` asks for another.
    void drawn(double ms, double buildMs, bool animating);
    /// How long the loop may sleep. `tickSoon`: the flow needs a tick within half a second;
    /// `otherDeadline`: another wake-up (wedge keys held, the detection outline ending), in seconds.
    [[nodiscard]] double secondsUntilNextWake(bool tickSoon, std::optional<double> otherDeadline) const;
    /// The figures so far; `reset` starts again.
    FrameStats stats(bool reset);
    /// Every frame's time since the start (never reset): the metrics file's histogram reads it.
    [[nodiscard]] const FrameTimes& frameTimes() const { return m_frameTimes; }

private:
    int m_framesOwed = 3;  // the first frames: shaders, atlas, ImGui's layout settling
    bool m_animating = false;
    Clock::time_point m_lastFrame{};
    FrameStats m_stats;
    FrameTimes m_frameTimes;
    // slow-frame log: one line per interval, with how many were not logged
    Clock::time_point m_lastSlowLog{};
    int m_slowNotLogged = 0;
};

}  // namespace kiosk::app
