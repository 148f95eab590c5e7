#include "kiosk/app/shell/frame_pacer.hpp"

#include <gtest/gtest.h>

namespace app = kiosk::app;

// Render on demand: frames are drawn only while owed or while a widget animates.
TEST(FramePacerTest, DrawsOnlyWhatIsOwed) {
    app::FramePacer pacer;
    int drawn = 0;
    while (pacer.takeFrame()) {
        pacer.drawn(1.0, 0.5, false);
        ++drawn;
        ASSERT_LT(drawn, 10);
    }
    EXPECT_EQ(drawn, 3);  // the start-up frames
    pacer.request(2);
    pacer.request(1);  // requests do not add up: the largest wins
    EXPECT_TRUE(pacer.takeFrame());
    pacer.drawn(1.0, 0.5, true);  // a widget asks for more
    EXPECT_TRUE(pacer.takeFrame());
    pacer.drawn(1.0, 0.5, false);
    EXPECT_FALSE(pacer.takeFrame());
}

// Idle, the loop sleeps long (at most until the next minute); with a tick due it wakes within half a
// second; an earlier deadline wins; while frames are owed it paces at 30 per second.
TEST(FramePacerTest, SleepsUntilTheNextThingThatCanChange) {
    app::FramePacer pacer;
    while (pacer.takeFrame()) pacer.drawn(1.0, 0.5, false);
    const double idle = pacer.secondsUntilNextWake(false, std::nullopt);
    EXPECT_GT(idle, 0.0);
    EXPECT_LE(idle, 60.0);
    EXPECT_LE(pacer.secondsUntilNextWake(true, std::nullopt), 0.5);
    EXPECT_NEAR(pacer.secondsUntilNextWake(false, 0.02), 0.02, 1e-9);
    pacer.request(1);
    EXPECT_LE(pacer.secondsUntilNextWake(false, std::nullopt), 1.0 / 30.0);
}

// The figures keep the longest frame and reset on request.
TEST(FramePacerTest, KeepsTheLongestFrame) {
    app::FramePacer pacer;
    pacer.drawn(12.0, 3.0, false);
    pacer.drawn(80.0, 9.0, false);
    pacer.drawn(20.0, 4.0, false);
    const app::FrameStats stats = pacer.stats(true);
    EXPECT_EQ(stats.frames, 3u);
    EXPECT_DOUBLE_EQ(stats.longestMs, 80.0);
    EXPECT_DOUBLE_EQ(stats.longestBuildMs, 9.0);
    EXPECT_EQ(pacer.stats(false).frames, 0u);
}
