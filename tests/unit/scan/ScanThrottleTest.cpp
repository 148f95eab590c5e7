#include <gtest/gtest.h>

#include "kiosk/core/scan/scan_throttle.hpp"

namespace {

using namespace kiosk::core;
using namespace std::chrono_literals;

const ScanThrottle::TimePoint t0{};

// A held receipt (decoded every frame) is passed on once per interval: enough to keep the flow's
// dedupe window fresh, not a flood.
TEST(ScanThrottleTest, HeldCodePassesOncePerInterval) {
    ScanThrottle throttle(500ms);
    int passed = 0;
    for (int frame = 0; frame < 45; ++frame) {  // 3 s at 15 fps
        if (throttle.pass("A", t0 + frame * 66ms)) ++passed;
    }
    EXPECT_EQ(passed, 6);
}

TEST(ScanThrottleTest, DifferentTextPassesAtOnce) {
    ScanThrottle throttle(10s);
    EXPECT_TRUE(throttle.pass("A", t0));
    EXPECT_TRUE(throttle.pass("B", t0 + 1ms));
    EXPECT_TRUE(throttle.pass("A", t0 + 2ms)) << "A was replaced by B, so it passes again";
    EXPECT_FALSE(throttle.pass("A", t0 + 3ms));
}

TEST(ScanThrottleTest, SameTextAfterTheIntervalPasses) {
    ScanThrottle throttle(500ms);
    EXPECT_TRUE(throttle.pass("A", t0));
    EXPECT_FALSE(throttle.pass("A", t0 + 499ms));
    EXPECT_TRUE(throttle.pass("A", t0 + 500ms));
}

}  // namespace
