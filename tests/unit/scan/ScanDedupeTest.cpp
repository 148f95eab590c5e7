#include <gtest/gtest.h>

#include "kiosk/core/scan/scan_dedupe.hpp"

namespace {

using namespace kiosk::core;
using namespace std::chrono_literals;

const ScanDedupe::TimePoint t0{};

TEST(ScanDedupeTest, SameTextWithinWindowIsReportedOnce) {
    ScanDedupe dedupe(3s);
    EXPECT_TRUE(dedupe.shouldReport("A", t0));
    EXPECT_FALSE(dedupe.shouldReport("A", t0 + 1s));
    EXPECT_FALSE(dedupe.shouldReport("A", t0 + 2500ms));
}

TEST(ScanDedupeTest, HoldingTheCodeStillKeepsItQuiet) {
    ScanDedupe dedupe(3s);
    EXPECT_TRUE(dedupe.shouldReport("A", t0));
    // Seen every 2 s for 10 s: each sighting extends the window.
    for (int i = 1; i <= 5; ++i) EXPECT_FALSE(dedupe.shouldReport("A", t0 + i * 2s)) << i;
}

TEST(ScanDedupeTest, SameTextAfterWindowIsReportedAgain) {
    ScanDedupe dedupe(3s);
    EXPECT_TRUE(dedupe.shouldReport("A", t0));
    EXPECT_TRUE(dedupe.shouldReport("A", t0 + 3s));
}

TEST(ScanDedupeTest, DifferentTextReplacesTheRememberedOne) {
    ScanDedupe dedupe(10s);
    EXPECT_TRUE(dedupe.shouldReport("A", t0));
    EXPECT_TRUE(dedupe.shouldReport("B", t0 + 1s));
    EXPECT_TRUE(dedupe.shouldReport("A", t0 + 2s)) << "A was replaced by B, so it is news again";
    EXPECT_FALSE(dedupe.shouldReport("A", t0 + 3s));
}

TEST(ScanDedupeTest, ResetForgets) {
    ScanDedupe dedupe(10s);
    EXPECT_TRUE(dedupe.shouldReport("A", t0));
    dedupe.reset();
    EXPECT_TRUE(dedupe.shouldReport("A", t0 + 1s));
}

}  // namespace
