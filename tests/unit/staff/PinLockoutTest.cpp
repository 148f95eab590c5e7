#include "kiosk/core/staff/pin_lockout.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;
using namespace std::chrono_literals;

TEST(PinLockoutTest, RecordRoundTrips) {
    const PinLockoutRecord locked{5, std::chrono::sys_seconds{1761900000s}};
    auto read = parsePinLockout(renderPinLockout(locked));
    ASSERT_TRUE(read);
    EXPECT_EQ(*read, locked);
    const PinLockoutRecord counting{2, std::nullopt};
    EXPECT_EQ(*parsePinLockout(renderPinLockout(counting)), counting);
    EXPECT_FALSE(parsePinLockout(""));
    EXPECT_FALSE(parsePinLockout("{\"failures\":\"x\"}"));
    EXPECT_FALSE(parsePinLockout("{\"failures\":1,\"locked_until\":\"soon\"}"));
}

// What a restart does: the flow's steady deadline becomes wall time on disk, and wall time becomes a
// steady deadline on a clock that started again from another origin.
TEST(PinLockoutTest, LockoutSurvivesARestartAndNeverGrows) {
    const std::chrono::sys_seconds wall{1761900000s};
    const std::chrono::steady_clock::time_point before{1000s};
    const auto until = wallDeadline(before + 240s, before, wall);
    ASSERT_TRUE(until);
    EXPECT_EQ(*until, wall + 240s);

    // 60 s later, after a restart whose steady clock starts near zero: 180 s are left.
    const std::chrono::steady_clock::time_point after{5s};
    const auto again = steadyDeadline(until, wall + 60s, after, 300s);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, after + 180s);
    EXPECT_FALSE(steadyDeadline(until, wall + 241s, after, 300s));  // over
    // A clock set back by a day cannot make it last a day: never more than one lockout.
    EXPECT_EQ(*steadyDeadline(until, wall - 86400s, after, 300s), after + 300s);
    EXPECT_FALSE(steadyDeadline(std::nullopt, wall, after, 300s));
    EXPECT_FALSE(wallDeadline(std::nullopt, before, wall));
}
