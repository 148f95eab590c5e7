#include "platform/linux/system_clock.hpp"

namespace platform {

std::chrono::sys_seconds SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::chrono::steady_clock::time_point SystemClock::steadyNow() const { return std::chrono::steady_clock::now(); }

}  // namespace platform
