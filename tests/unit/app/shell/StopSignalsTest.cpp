// SIGTERM and SIGINT become a callback on the signal thread instead of the end of the process (issue 15,
// defect 8). Each test runs in its own process (ctest), so the signal reaches only this one.
#include "kiosk/app/shell/stop_signals.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using kiosk::app::StopSignals;
using namespace std::chrono_literals;

namespace {

bool waitFor(const std::atomic<int>& value, int expected) {
    for (int i = 0; i < 400 && value.load() != expected; ++i) std::this_thread::sleep_for(5ms);
    return value.load() == expected;
}

}  // namespace

TEST(StopSignalsTest, SigtermCallsBackOnceAndTheProcessLives) {
    std::atomic<int> got{0};
    std::atomic<int> calls{0};
    StopSignals signals([&](int signo) {
        got = signo;
        ++calls;
    });
    EXPECT_FALSE(signals.stopRequested());
    ASSERT_EQ(kill(getpid(), SIGTERM), 0);
    ASSERT_TRUE(waitFor(got, SIGTERM));
    EXPECT_TRUE(signals.stopRequested());
    ASSERT_EQ(kill(getpid(), SIGINT), 0);  // a second signal while stopping is not a second stop
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(calls.load(), 1);
}

TEST(StopSignalsTest, SigintStopsToo) {
    std::atomic<int> got{0};
    StopSignals signals([&](int signo) { got = signo; });
    ASSERT_EQ(kill(getpid(), SIGINT), 0);
    EXPECT_TRUE(waitFor(got, SIGINT));
}

TEST(StopSignalsTest, EndsWithoutASignal) {
    std::atomic<int> calls{0};
    { StopSignals signals([&](int) { ++calls; }); }
    EXPECT_EQ(calls.load(), 0);
}
