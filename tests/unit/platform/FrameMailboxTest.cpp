#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "platform/fake/fake_camera.hpp"
#include "platform/frame_mailbox.hpp"

namespace {

using namespace std::chrono_literals;
using platform::Frame;
using platform::FrameMailbox;

/// A 4x2 frame filled with `value`, seen through a view with a wider stride.
struct Source {
    std::vector<std::uint8_t> bytes;
    kiosk::core::ImageView view;
    explicit Source(std::uint8_t value) : bytes(6 * 2, 0) {
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 4; ++x) bytes[static_cast<std::size_t>(y * 6 + x)] = value;
        view = {bytes.data(), 4, 2, 6};
    }
};

TEST(FrameMailboxTest, DecoderGetsTheNewestFrameAndStaleOnesAreDropped) {
    FrameMailbox box;
    const auto t = std::chrono::steady_clock::now();
    for (std::uint8_t v : {1, 2, 3}) box.publish(Source(v).view, t + std::chrono::milliseconds(v));
    Frame f;
    ASSERT_TRUE(box.take(f, 0ms));
    EXPECT_EQ(f.sequence, 3u);
    EXPECT_EQ(f.arrival, t + 3ms);
    ASSERT_EQ(f.image.width, 4);
    ASSERT_EQ(f.image.height, 2);
    EXPECT_EQ(f.image.pixels, std::vector<std::uint8_t>(8, 3)) << "packed copy of the strided view";
    EXPECT_EQ(box.published(), 3u);
    EXPECT_EQ(box.dropped(), 2u);
    EXPECT_FALSE(box.take(f, 0ms)) << "a frame is delivered once, never queued";
}

TEST(FrameMailboxTest, TakeWaitsForTheNextFrame) {
    FrameMailbox box;
    std::thread producer([&] {
        std::this_thread::sleep_for(20ms);
        box.publish(Source(9).view, std::chrono::steady_clock::now());
    });
    Frame f;
    EXPECT_TRUE(box.take(f, 2s));
    EXPECT_EQ(f.image.pixels[0], 9);
    producer.join();
}

TEST(FrameMailboxTest, TakeTimesOutWithoutFrames) {
    FrameMailbox box;
    Frame f;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(box.take(f, 30ms));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 25ms);
}

TEST(FrameMailboxTest, CloseWakesTheDecoderAndRefusesFrames) {
    FrameMailbox box;
    std::atomic<bool> returned{false};
    std::thread decoder([&] {
        Frame f;
        EXPECT_FALSE(box.take(f, 10s));
        returned = true;
    });
    std::this_thread::sleep_for(20ms);
    box.close();
    decoder.join();
    EXPECT_TRUE(returned);
    box.publish(Source(1).view, {});
    EXPECT_EQ(box.published(), 0u);
    box.reopen();
    box.publish(Source(1).view, {});
    Frame f;
    EXPECT_TRUE(box.take(f, 0ms));
}

TEST(FrameMailboxTest, SwappedBuffersAreReusedAndInvalidViewsIgnored) {
    FrameMailbox box;
    box.publish({}, {});
    EXPECT_EQ(box.published(), 0u);
    Frame f;
    box.publish(Source(5).view, {});
    ASSERT_TRUE(box.take(f, 0ms));
    box.publish(Source(6).view, {});
    Frame g = std::move(f);
    ASSERT_TRUE(box.take(g, 0ms));
    EXPECT_EQ(g.image.pixels[0], 6);
    EXPECT_EQ(g.sequence, 2u);
}

TEST(FrameMailboxTest, FastProducerSlowConsumerNeverBacklogs) {
    FrameMailbox box;
    std::atomic<bool> done{false};
    std::thread producer([&] {
        for (int i = 0; i < 2000; ++i) box.publish(Source(static_cast<std::uint8_t>(i % 256)).view, std::chrono::steady_clock::now());
        done = true;
    });
    std::uint64_t lastSeq = 0;
    int taken = 0;
    Frame f;
    for (;;) {
        const bool finished = done;  // read before take: nothing can arrive after a failed take then
        if (box.take(f, 1ms)) {
            EXPECT_GT(f.sequence, lastSeq) << "frames only move forward";
            lastSeq = f.sequence;
            ++taken;
            std::this_thread::sleep_for(100us);  // a slow decoder
        } else if (finished) {
            break;
        }
    }
    EXPECT_GT(box.dropped(), 0u) << "the producer outran the decoder, so frames were dropped";
    producer.join();
    EXPECT_EQ(box.published(), 2000u);
    EXPECT_EQ(box.dropped() + static_cast<std::uint64_t>(taken), 2000u) << "every frame is taken or dropped, none queued";
}

TEST(FrameMailboxTest, FakeCameraPublishesOnlyWhileStarted) {
    platform::FakeCamera cam;
    FrameMailbox box;
    EXPECT_FALSE(cam.push(Source(1).view));
    cam.start(box);
    EXPECT_EQ(cam.status().state, platform::CameraStatus::State::Running);
    EXPECT_TRUE(cam.push(Source(2).view));
    Frame f;
    EXPECT_TRUE(box.take(f, 0ms));
    cam.stop();
    EXPECT_FALSE(cam.push(Source(3).view));
}

}  // namespace

#include "platform/fake/fake_scanner.hpp"

namespace {

TEST(FrameMailboxTest, FakeScannerDeliversOnlyWhileStarted) {
    platform::FakeScanner scanner;
    std::vector<std::string> got;
    EXPECT_FALSE(scanner.deliver("A"));
    scanner.start([&](std::string c) { got.push_back(std::move(c)); });
    EXPECT_TRUE(scanner.deliver("B"));
    scanner.stop();
    EXPECT_FALSE(scanner.deliver("C"));
    EXPECT_EQ(got, std::vector<std::string>{"B"});
}

}  // namespace
