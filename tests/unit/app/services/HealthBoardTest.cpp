#include "kiosk/app/services/health_board.hpp"

#include <gtest/gtest.h>

namespace app = kiosk::app;
namespace core = kiosk::core;

// Lookups count by outcome into a latency histogram; a not-found is an answered call, a cancelled one
// says nothing about the backend.
TEST(HealthBoardTest, LookupsCountByOutcomeAndLatency) {
    app::HealthBoard board;
    board.lookupFinished(std::nullopt, 20.0);
    board.lookupFinished(core::LookupErrorKind::NotFound, 120.0);
    board.lookupFinished(core::LookupErrorKind::Offline, 3500.0);
    board.lookupFinished(core::LookupErrorKind::Cancelled, 10.0);
    const app::HealthSnapshot s = board.snapshot();
    EXPECT_EQ(s.lookupsOk, 1u);
    EXPECT_EQ(s.lookupsNotFound, 1u);
    EXPECT_EQ(s.lookupFailures[static_cast<std::size_t>(core::LookupErrorKind::Offline)], 1u);
    EXPECT_EQ(s.lookupLatencyBuckets[0], 1u);                           // 20 ms <= 25
    EXPECT_EQ(s.lookupLatencyBuckets[3], 1u);                           // 120 ms <= 150
    EXPECT_EQ(s.lookupLatencyBuckets[app::kLatencyBucketsMs.size()], 1u);  // 3500 ms: +Inf
    EXPECT_DOUBLE_EQ(s.lookupLatencySumMs, 3640.0);
    ASSERT_TRUE(s.lastBackendError);
    EXPECT_EQ(*s.lastBackendError, core::LookupErrorKind::Offline);
    EXPECT_DOUBLE_EQ(*s.lastRoundTripMs, 120.0);  // the offline call got no answer
    ASSERT_EQ(s.recentErrors.size(), 1u);
    EXPECT_EQ(s.recentErrors[0].kind, "offline");
}

// A refused token shows until a call succeeds again.
TEST(HealthBoardTest, TokenRefusedUntilACallSucceeds) {
    app::HealthBoard board;
    EXPECT_TRUE(board.snapshot().tokenAccepted);
    board.backendCallFinished(core::LookupErrorKind::Unauthorized, 15.0);
    EXPECT_FALSE(board.snapshot().tokenAccepted);
    board.lookupFinished(core::LookupErrorKind::Timeout, 8000.0);
    EXPECT_FALSE(board.snapshot().tokenAccepted);
    board.lookupFinished(std::nullopt, 30.0);
    EXPECT_TRUE(board.snapshot().tokenAccepted);
    EXPECT_FALSE(board.snapshot().lastBackendError);
}

// Prints count by outcome, the last failure is kept, and the error list is bounded.
TEST(HealthBoardTest, PrintsAndABoundedErrorList) {
    app::HealthBoard board;
    board.printFinished(std::nullopt);
    board.printFinished(core::PrintFailure::PaperOut);
    app::HealthSnapshot s = board.snapshot();
    EXPECT_EQ(s.printsOk, 1u);
    EXPECT_EQ(s.printFailures[static_cast<std::size_t>(core::PrintFailure::PaperOut)], 1u);
    EXPECT_EQ(s.lastPrintFailure, core::PrintFailure::PaperOut);
    for (int i = 0; i < 50; ++i) board.errorSeen(app::HealthArea::Camera, "missing");
    s = board.snapshot();
    EXPECT_EQ(s.recentErrors.size(), app::HealthBoard::kRecentErrors);
    EXPECT_EQ(s.recentErrors.back().area, app::HealthArea::Camera);
    board.scanRead(app::ScanChannel::Keyboard);
    EXPECT_EQ(board.snapshot().scans[static_cast<std::size_t>(app::ScanChannel::Keyboard)], 1u);
}
