#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/scan/wedge_burst_detector.hpp"

namespace {

using namespace kiosk::core;
using namespace std::chrono_literals;
using TimePoint = WedgeBurstDetector::TimePoint;

const TimePoint t0{};

struct Fed {
    std::u32string passed;
    std::vector<std::string> scans;
};

/// Types `text` then Enter with `gap` between keys, polling every 5 ms like a UI frame loop would.
Fed type(WedgeBurstDetector& d, const std::u32string& text, std::chrono::milliseconds gap, TimePoint& now,
         bool enter = true) {
    Fed fed;
    auto take = [&](WedgeOutput out) {
        fed.passed.append(out.passThrough.begin(), out.passThrough.end());
        if (out.scan) fed.scans.push_back(*out.scan);
    };
    std::u32string keys = text;
    if (enter) keys.push_back(WedgeBurstDetector::kEnter);
    for (char32_t k : keys) {
        take(d.onKey(k, now));
        for (auto t = 5ms; t < gap; t += 5ms) take(d.poll(now + t));
        now += gap;
    }
    take(d.poll(now + 1s));
    return fed;
}

TEST(WedgeBurstDetectorTest, FastBurstEndingInEnterIsAScan) {
    WedgeBurstDetector d;
    TimePoint now = t0;
    const Fed fed = type(d, U"000.00.06.H56-231027-0361", 8ms, now);
    ASSERT_EQ(fed.scans.size(), 1u);
    EXPECT_EQ(fed.scans[0], "000.00.06.H56-231027-0361");
    EXPECT_TRUE(fed.passed.empty()) << "a scan's keys must not also reach the UI";
}

TEST(WedgeBurstDetectorTest, SlowTypingIsNeverAScanAndEveryKeyComesBack) {
    WedgeBurstDetector d;
    TimePoint now = t0;
    for (auto gap : {60ms, 120ms, 250ms}) {
        const Fed fed = type(d, U"000.00.06.H56-231027-0361", gap, now);
        EXPECT_TRUE(fed.scans.empty()) << gap.count();
        EXPECT_EQ(fed.passed, std::u32string(U"000.00.06.H56-231027-0361\n")) << gap.count();
    }
}

TEST(WedgeBurstDetectorTest, ShortFastBurstIsHandedBack) {
    WedgeBurstDetector d;
    TimePoint now = t0;
    const Fed fed = type(d, U"1234", 5ms, now);
    EXPECT_TRUE(fed.scans.empty());
    EXPECT_EQ(fed.passed, std::u32string(U"1234\n"));
}

TEST(WedgeBurstDetectorTest, BurstThatStallsIsHandedBackInOrder) {
    WedgeBurstDetector d;
    TimePoint now = t0;
    // Someone mashing keys fast, then pausing: no Enter, so it is handed back after the gap.
    Fed fed = type(d, U"abcdefghij", 10ms, now, false);
    EXPECT_TRUE(fed.scans.empty());
    EXPECT_EQ(fed.passed, std::u32string(U"abcdefghij"));
    EXPECT_FALSE(d.holding());
}

TEST(WedgeBurstDetectorTest, SlowEnterAfterFastKeysIsNotAScan) {
    WedgeBurstDetector d;
    TimePoint now = t0;
    Fed fed = type(d, U"0000000000", 5ms, now, false);
    auto out = d.onKey(WedgeBurstDetector::kEnter, now + 500ms);
    EXPECT_FALSE(out.scan.has_value());
    fed.passed.append(out.passThrough.begin(), out.passThrough.end());
    EXPECT_EQ(fed.passed, std::u32string(U"0000000000\n"));
}

TEST(WedgeBurstDetectorTest, HumanKeyThenScannerBurst) {
    WedgeBurstDetector d;
    TimePoint now = t0;
    auto first = d.onKey(U'x', now);
    EXPECT_TRUE(first.passThrough.empty()) << "held while it could start a burst";
    EXPECT_TRUE(d.holding());
    now += 300ms;
    // The scanner starts: the late key releases 'x' to the UI, then the burst is a scan.
    Fed fed = type(d, U"000.00.04.H40-230414-0002", 6ms, now);
    ASSERT_EQ(fed.scans.size(), 1u);
    EXPECT_EQ(fed.scans[0], "000.00.04.H40-230414-0002");
    EXPECT_EQ(fed.passed, std::u32string(U"x"));
}

TEST(WedgeBurstDetectorTest, NonAsciiKeysAreUtf8) {
    WedgeBurstOptions opt;
    opt.minLength = 3;
    WedgeBurstDetector d(opt);
    TimePoint now = t0;
    const Fed fed = type(d, U"ĐƯỜNG", 4ms, now);
    ASSERT_EQ(fed.scans.size(), 1u);
    EXPECT_EQ(fed.scans[0], "ĐƯỜNG");
}

TEST(WedgeBurstDetectorTest, OverlongBurstIsHandedBack) {
    WedgeBurstOptions opt;
    opt.maxLength = 16;
    WedgeBurstDetector d(opt);
    TimePoint now = t0;
    const Fed fed = type(d, std::u32string(40, U'7'), 3ms, now);
    EXPECT_TRUE(fed.scans.empty());
    EXPECT_EQ(fed.passed.size(), 41u);
}

}  // namespace

namespace {

using namespace kiosk::core;
using namespace std::chrono_literals;

TEST(WedgeBurstDetectorTest, LoneEnterPassesThroughAtOnce) {
    WedgeBurstDetector d;
    const auto out = d.onKey(WedgeBurstDetector::kEnter, WedgeBurstDetector::TimePoint{});
    EXPECT_FALSE(out.scan.has_value());
    EXPECT_EQ(out.passThrough, std::vector<char32_t>{WedgeBurstDetector::kEnter});
    EXPECT_FALSE(d.holding());
}

TEST(WedgeBurstDetectorTest, TwoScansBackToBack) {
    WedgeBurstDetector d;
    WedgeBurstDetector::TimePoint now{};
    std::vector<std::string> scans;
    for (const std::u32string code : {U"000.00.06.H56-231027-0361", U"000.17.22.H56-210531-0001"}) {
        for (char32_t c : code) {
            EXPECT_TRUE(d.onKey(c, now).passThrough.empty());
            now += 4ms;
        }
        auto out = d.onKey(WedgeBurstDetector::kEnter, now);
        now += 4ms;
        ASSERT_TRUE(out.scan.has_value());
        scans.push_back(*out.scan);
    }
    EXPECT_EQ(scans, (std::vector<std::string>{"000.00.06.H56-231027-0361", "000.17.22.H56-210531-0001"}));
}

}  // namespace
