#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "kiosk/app/services/main_thread_queue.hpp"

namespace kiosk::app {
namespace {

TEST(MainThreadQueueTest, RunsPostsInOrderAndWakesOnEveryPost) {
    std::atomic<int> wakes{0};
    MainThreadQueue queue([&] { ++wakes; });
    std::vector<int> seen;
    queue.post([&] { seen.push_back(1); });
    queue.post([&] { seen.push_back(2); });
    EXPECT_EQ(wakes.load(), 2);
    EXPECT_TRUE(queue.hasPending());
    EXPECT_EQ(queue.runPending(), 2u);
    EXPECT_EQ(seen, (std::vector<int>{1, 2}));
    EXPECT_FALSE(queue.hasPending());
    EXPECT_EQ(queue.runPending(), 0u);
}

TEST(MainThreadQueueTest, TasksPostedWhileRunningWaitForTheNextFrame) {
    MainThreadQueue queue;
    int ran = 0;
    queue.post([&] {
        ++ran;
        queue.post([&] { ++ran; });  // must not deadlock nor run in this pass
    });
    EXPECT_EQ(queue.runPending(), 1u);
    EXPECT_EQ(ran, 1);
    EXPECT_EQ(queue.runPending(), 1u);
    EXPECT_EQ(ran, 2);
}

TEST(MainThreadQueueTest, WorkersPostConcurrentlyAndNothingIsLost) {
    std::atomic<int> wakes{0};
    MainThreadQueue queue([&] { ++wakes; });
    int total = 0;  // touched only by the "UI thread" (this one) inside runPending
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) {
        workers.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) queue.post([&] { ++total; });
        });
    }
    std::size_t ran = 0;
    while (ran < 4000) {
        ran += queue.runPending();
        std::this_thread::yield();
    }
    for (auto& t : workers) t.join();
    ran += queue.runPending();
    EXPECT_EQ(ran, 4000u);
    EXPECT_EQ(total, 4000);
    EXPECT_EQ(wakes.load(), 4000);
}

}  // namespace
}  // namespace kiosk::app
