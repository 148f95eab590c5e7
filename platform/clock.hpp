#pragma once
// Clock: the only place the kiosk reads the time. Core never reads a clock; the app passes `now`
// into core's pure functions, and tests pass a FakeClock.
//
// Backends: linux/system_clock.cpp (std::chrono::system_clock), fake/fake_clock.cpp (settable).

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

}  // namespace platform
