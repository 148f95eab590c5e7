#include "kiosk/app/services/print_service.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "platform/fake/printer_fake.hpp"

using namespace std::chrono_literals;
using kiosk::app::PrintOutcome;
using kiosk::app::PrintService;
using platform::FakePrinter;
using platform::PrintFailure;

namespace {
// Collects outcomes from the worker thread and lets the test wait for them.
class Outcomes {
public:
    PrintService::Callback callback() {
        return [this](const PrintOutcome& o) {
            std::lock_guard lock(m_mutex);
            m_items.push_back(o);
            m_cv.notify_all();
        };
    }
    std::vector<PrintOutcome> waitFor(std::size_t n, std::chrono::milliseconds limit = 5s) {
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, limit, [&] { return m_items.size() >= n; });
        return m_items;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<PrintOutcome> m_items;
};
}  // namespace

TEST(PrintServiceTest, PrintsAfterAReadyStatus) {
    auto fake = std::make_unique<FakePrinter>();
    auto* printer = fake.get();
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback());
    const auto id = service.submit({1, 2, 3});
    const auto got = outcomes.waitFor(1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].id, id);
    EXPECT_TRUE(got[0].result);
    ASSERT_TRUE(got[0].status);
    EXPECT_EQ(printer->jobs(), (std::vector<std::vector<std::uint8_t>>{{1, 2, 3}}));
    EXPECT_EQ(printer->statusCalls(), 1);
    EXPECT_FALSE(service.printerKnownUnavailable());
}

TEST(PrintServiceTest, PaperOutIsATypedErrorAndNothingIsSent) {
    auto fake = std::make_unique<FakePrinter>(platform::PrinterStatus{.online = false, .paperOut = true});
    auto* printer = fake.get();
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback());
    service.submit({1});
    const auto got = outcomes.waitFor(1);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_FALSE(got[0].result);
    EXPECT_EQ(got[0].result.error().kind, PrintFailure::PaperOut);
    EXPECT_TRUE(printer->jobs().empty());
    EXPECT_TRUE(service.printerKnownUnavailable());
}

TEST(PrintServiceTest, OneWayPrinterIsNotAskedForStatus) {
    auto fake = std::make_unique<FakePrinter>(platform::PrinterStatus{}, false);
    auto* printer = fake.get();
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback());
    service.submit({7});
    service.checkStatus();
    const auto got = outcomes.waitFor(2);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_TRUE(got[0].result);
    ASSERT_FALSE(got[1].result);
    EXPECT_EQ(got[1].result.error().kind, PrintFailure::NoStatus);
    EXPECT_EQ(printer->statusCalls(), 0);
    EXPECT_EQ(printer->jobs().size(), 1u);
}

TEST(PrintServiceTest, SlowPrinterTimesOutWithoutBlockingTheCaller) {
    auto fake = std::make_unique<FakePrinter>();
    fake->setDelay(2s);
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback(), {.timeout = 100ms});
    const auto before = std::chrono::steady_clock::now();
    service.submit({1});
    EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms) << "submit must not wait for the printer";
    const auto got = outcomes.waitFor(1);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_FALSE(got[0].result);
    EXPECT_EQ(got[0].result.error().kind, PrintFailure::Timeout);
}

TEST(PrintServiceTest, TooManyQueuedJobsAreRefusedAsBusy) {
    auto fake = std::make_unique<FakePrinter>();
    fake->setDelay(50ms);
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback(), {.timeout = 1s, .maxQueued = 2});
    for (int i = 0; i < 6; ++i) service.submit({static_cast<std::uint8_t>(i)});
    const auto got = outcomes.waitFor(6);
    ASSERT_EQ(got.size(), 6u);
    int busy = 0;
    for (const auto& o : got) busy += !o.result && o.result.error().kind == PrintFailure::Busy;
    EXPECT_GE(busy, 2);
    EXPECT_LE(busy, 4);
}

TEST(PrintServiceTest, TransportFailureIsReported) {
    auto fake = std::make_unique<FakePrinter>();
    fake->failNextPrint({PrintFailure::Disconnected, "peer closed"});
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback());
    service.submit({1});
    const auto got = outcomes.waitFor(1);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_FALSE(got[0].result);
    EXPECT_EQ(got[0].result.error().kind, PrintFailure::Disconnected);
}

TEST(PrintServiceTest, StatusCheckReportsFlagsWithoutFailing) {
    auto fake = std::make_unique<FakePrinter>(platform::PrinterStatus{.online = false, .paperNearEnd = true, .paperOut = true});
    Outcomes outcomes;
    PrintService service(std::move(fake), outcomes.callback());
    service.checkStatus();
    const auto got = outcomes.waitFor(1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].kind, PrintOutcome::Kind::StatusCheck);
    EXPECT_TRUE(got[0].result);
    ASSERT_TRUE(got[0].status);
    EXPECT_TRUE(got[0].status->paperOut);
    EXPECT_TRUE(service.printerKnownUnavailable());
}

// A clean stop prints the slips already queued (SIGTERM right after "Print"), within the deadline.
TEST(PrintServiceTest, FinishPrintsWhatIsQueuedThenRefusesNewJobs) {
    auto printer = std::make_unique<FakePrinter>();
    FakePrinter& fake = *printer;
    fake.setDelay(30ms);
    Outcomes outcomes;
    PrintService service(std::move(printer), outcomes.callback());
    service.submit({1, 2, 3});
    service.submit({4, 5, 6});
    EXPECT_EQ(service.finish(std::chrono::steady_clock::now() + 5s), 0u);
    EXPECT_EQ(fake.jobs().size(), 2u);
    EXPECT_EQ(outcomes.waitFor(2, 100ms).size(), 2u);
}

TEST(PrintServiceTest, FinishDropsJobsBeyondTheDeadline) {
    auto printer = std::make_unique<FakePrinter>();
    FakePrinter& fake = *printer;
    fake.setDelay(200ms);
    Outcomes outcomes;
    PrintService service(std::move(printer), outcomes.callback());
    for (int i = 0; i < 3; ++i) service.submit({1});
    const std::size_t dropped = service.finish(std::chrono::steady_clock::now() + 100ms);
    EXPECT_GE(dropped, 1u);
    EXPECT_LE(fake.jobs().size(), 2u);
}
