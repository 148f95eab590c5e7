#pragma once
#include "platform/clock.hpp"

namespace platform {

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::chrono::sys_seconds now() const override;
    [[nodiscard]] std::chrono::steady_clock::time_point steadyNow() const override;
};

}  // namespace platform
