#pragma once
// Clock: where the kiosk screen reads the time. Core never reads a clock; the app passes `now` into
// core's pure functions. The kiosk takes its clock from the composition root, so a test build can move
// time forward (idle timeouts) without waiting.
//
// Backends: common/system_clock.cpp (std::chrono clocks), fake/fake_clock.hpp (settable, unit tests).

#include <chrono>

namespace platform {

class Clock {
public:
    virtual ~Clock() = default;
    /// Wall-clock time, for dates shown to citizens and days-left arithmetic.
    [[nodiscard]] virtual std::chrono::sys_seconds now() const = 0;
    /// Monotonic time, for timeouts and frame pacing.
    [[nodiscard]] virtual std::chrono::steady_clock::time_point steadyNow() const = 0;
};

/// The process-wide real clock (std::chrono::system_clock and steady_clock).
const Clock& systemClock();

}  // namespace platform
