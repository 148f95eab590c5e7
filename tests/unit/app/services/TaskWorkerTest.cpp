// A clean stop runs the jobs already queued (a rating given just before SIGTERM) until the deadline.
#include "kiosk/app/services/task_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using kiosk::app::TaskWorker;
using namespace std::chrono_literals;

TEST(TaskWorkerTest, FinishRunsWhatIsQueuedBeforeStopping) {
    TaskWorker worker;
    std::atomic<int> done{0};
    for (int i = 0; i < 5; ++i) {
        worker.post([&] {
            std::this_thread::sleep_for(20ms);
            ++done;
        });
    }
    const std::size_t dropped = worker.finish(std::chrono::steady_clock::now() + 5s);
    EXPECT_EQ(dropped, 0u);
    EXPECT_EQ(done.load(), 5);
    worker.post([&] { ++done; });  // after the stop: refused
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(done.load(), 5);
}

TEST(TaskWorkerTest, FinishDropsWhatDoesNotFitTheDeadline) {
    TaskWorker worker;
    std::atomic<int> done{0};
    for (int i = 0; i < 10; ++i) {
        worker.post([&] {
            std::this_thread::sleep_for(50ms);
            ++done;
        });
    }
    const auto started = std::chrono::steady_clock::now();
    const std::size_t dropped = worker.finish(started + 120ms);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
    EXPECT_GT(dropped, 0u);
    EXPECT_EQ(static_cast<std::size_t>(done.load()) + dropped, 10u);
}
