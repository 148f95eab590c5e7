#include "kiosk/core/staff/corner_gesture.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;
using namespace std::chrono_literals;

namespace {
constexpr float W = 1920;
constexpr float H = 1080;
}

TEST(CornerGestureTest, FiveQuickTapsInTheCornerOpen) {
    CornerGesture g;
    std::chrono::steady_clock::time_point t{};
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(g.onTap(20, 30, W, H, t));
        t += 500ms;
    }
    EXPECT_TRUE(g.onTap(20, 30, W, H, t));
    EXPECT_FALSE(g.onTap(20, 30, W, H, t + 100ms));  // counting starts again
}

TEST(CornerGestureTest, FourTapsSlowTapsOrTapsElsewhereDoNothing) {
    CornerGesture g;
    std::chrono::steady_clock::time_point t{};
    for (int i = 0; i < 4; ++i) EXPECT_FALSE(g.onTap(10, 10, W, H, t + i * 100ms));
    EXPECT_FALSE(g.onTap(960, 540, W, H, t + 500ms));  // breaks the sequence
    EXPECT_FALSE(g.onTap(10, 10, W, H, t + 600ms));
    CornerGesture slow;
    for (int i = 0; i < 10; ++i) EXPECT_FALSE(slow.onTap(10, 10, W, H, t + i * 800ms));  // never 5 within 3 s
}

TEST(CornerGestureTest, TheConfiguredCornerCounts) {
    CornerGesture g{{ScreenCorner::BottomRight, 3, 2000ms, 0.1f}};
    std::chrono::steady_clock::time_point t{};
    EXPECT_FALSE(g.inZone(10, 10, W, H));
    EXPECT_TRUE(g.inZone(W - 5, H - 5, W, H));
    EXPECT_FALSE(g.inZone(W - 200, H - 5, W, H));  // 108 px zone at 1080 p
    EXPECT_FALSE(g.onTap(W - 5, H - 5, W, H, t));
    EXPECT_FALSE(g.onTap(W - 5, H - 5, W, H, t + 100ms));
    EXPECT_TRUE(g.onTap(W - 5, H - 5, W, H, t + 200ms));
}
