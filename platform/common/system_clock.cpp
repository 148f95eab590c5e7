#include "platform/clock.hpp"

namespace platform {
namespace {

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::chrono::sys_seconds now() const override {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    [[nodiscard]] std::chrono::steady_clock::time_point steadyNow() const override {
        return std::chrono::steady_clock::now();
    }
};

}  // namespace

const Clock& systemClock() {
    static const SystemClock clock;
    return clock;
}

}  // namespace platform
