// What the kiosk screen tells systemd: READY once after the first frame, WATCHDOG from the loop at a
// pace the watchdog interval allows, STOPPING on a clean stop.
#include "kiosk/app/shell/supervision.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "platform/fake/fake_system.hpp"

using kiosk::app::Supervision;
using platform::FakeSystemNotifier;
using namespace std::chrono_literals;

namespace {

std::size_t count(const std::vector<std::string>& sent, const std::string& what) {
    return static_cast<std::size_t>(std::ranges::count(sent, what));
}

}  // namespace

TEST(SupervisionTest, ReadyOnceAfterTheFirstFrameThenWatchdogPings) {
    auto owned = std::make_unique<FakeSystemNotifier>(std::chrono::microseconds{200'000});
    FakeSystemNotifier& notifier = *owned;
    Supervision supervision(std::move(owned));
    supervision.loopTurn();  // before READY=1 the start timeout applies, not the watchdog
    EXPECT_TRUE(notifier.sent().empty());
    supervision.firstFrameDrawn();
    supervision.firstFrameDrawn();
    EXPECT_EQ(count(notifier.sent(), "READY=1"), 1u);
    const std::size_t afterReady = count(notifier.sent(), "WATCHDOG=1");
    // Loop turns in quick succession ping at most every quarter interval (50 ms here).
    for (int i = 0; i < 100; ++i) supervision.loopTurn();
    EXPECT_EQ(count(notifier.sent(), "WATCHDOG=1"), afterReady);
    std::this_thread::sleep_for(60ms);
    supervision.loopTurn();
    EXPECT_EQ(count(notifier.sent(), "WATCHDOG=1"), afterReady + 1);
    supervision.stopping();
    EXPECT_EQ(notifier.sent().back(), "STATUS=stopping");
    EXPECT_EQ(count(notifier.sent(), "STOPPING=1"), 1u);
}

TEST(SupervisionTest, TheLoopSleepsAtMostAThirdOfTheWatchdogInterval) {
    Supervision watched(std::make_unique<FakeSystemNotifier>(std::chrono::microseconds{30'000'000}));
    ASSERT_TRUE(watched.maxSleepSeconds());
    EXPECT_DOUBLE_EQ(*watched.maxSleepSeconds(), 10.0);
    Supervision unwatched(std::make_unique<FakeSystemNotifier>());
    EXPECT_FALSE(unwatched.maxSleepSeconds());
    Supervision none(nullptr);
    none.firstFrameDrawn();  // nothing to tell, nothing breaks
    none.loopTurn();
    none.stopping();
    EXPECT_FALSE(none.maxSleepSeconds());
}
