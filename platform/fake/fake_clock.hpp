#pragma once
#include "platform/clock.hpp"

namespace platform {

/// A clock that only moves when a test moves it.
class FakeClock final : public Clock {
public:
    explicit FakeClock(std::chrono::sys_seconds start = std::chrono::sys_seconds{}) : m_now(start) {}
    [[nodiscard]] std::chrono::sys_seconds now() const override { return m_now; }
    [[nodiscard]] std::chrono::steady_clock::time_point steadyNow() const override {
        return std::chrono::steady_clock::time_point{m_now.time_since_epoch()};
    }
    void advance(std::chrono::seconds by) { m_now += by; }
    void set(std::chrono::sys_seconds to) { m_now = to; }

private:
    std::chrono::sys_seconds m_now;
};

}  // namespace platform
