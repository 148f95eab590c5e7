// Delivery of the outbox's messages through the backend client on a scripted HTTP fake: what each
// answer does to the message (kept, removed, dropped), what is sent, and the worker's retry.
#include "kiosk/app/services/outbox_delivery.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "platform/fake/http_client_fake.hpp"

using kiosk::app::BackendClient;
using kiosk::app::BackendOptions;
using kiosk::app::DeliveryOutcome;
using kiosk::app::HealthBoard;
using kiosk::app::MessageKind;
using kiosk::app::Outbox;
using kiosk::app::OutboxDelivery;
using platform::HttpError;
using platform::HttpFailure;
using platform::HttpResponse;

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

class OutboxDeliveryTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("delivery-test-" + std::to_string(getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        m_outbox = std::make_unique<Outbox>(m_dir / "outbox.db", 100);
    }
    void TearDown() override {
        m_outbox.reset();
        fs::remove_all(m_dir);
    }
    static BackendOptions options() {
        BackendOptions o;
        o.baseUrl = "https://backend.example";
        o.token = "device-token";
        return o;
    }
    /// An HTTP fake answering `status` to every request, or failing with `failure`.
    static platform::FakeHttpClient answering(int status, std::optional<HttpFailure> failure = std::nullopt) {
        return platform::FakeHttpClient([status, failure](const platform::HttpRequest&) -> std::expected<HttpResponse, HttpError> {
            if (failure) return std::unexpected(HttpError{*failure, "scripted"});
            HttpResponse r;
            r.status = status;
            r.contentType = "application/json";
            return r;
        });
    }

    fs::path m_dir;
    std::unique_ptr<Outbox> m_outbox;
    HealthBoard m_health;
};

}  // namespace

TEST_F(OutboxDeliveryTest, AnAcceptedRatingIsPostedWithItsKeyAndRemoved) {
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "kiosk-1-r1", R"({"dossier_code":"X","level":"satisfied"})"));
    auto http = answering(201);
    BackendClient client(http, options());
    const auto r = kiosk::app::deliverOldest(*m_outbox, client, &m_health, nullptr);
    EXPECT_EQ(r.outcome, DeliveryOutcome::Delivered);
    EXPECT_EQ(m_outbox->depth(), 0u);
    const auto sent = http.requests();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].url, "https://backend.example/api/v1/ratings");
    EXPECT_EQ(sent[0].body, R"({"dossier_code":"X","level":"satisfied"})");
    auto header = [&](std::string_view name) {
        for (const auto& [n, v] : sent[0].headers) {
            if (n == name) return v;
        }
        return std::string{};
    };
    EXPECT_EQ(header("Idempotency-Key"), "kiosk-1-r1");
    EXPECT_EQ(header("Authorization"), "Bearer device-token");
    EXPECT_EQ(header("Content-Type"), "application/json");
    EXPECT_TRUE(m_health.snapshot().lastRoundTripMs.has_value());
}

TEST_F(OutboxDeliveryTest, HeartbeatsGoToTheirOwnEndpoint) {
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Heartbeat, "hb-1", R"({"kiosk_id":"k"})"));
    auto http = answering(202);
    BackendClient client(http, options());
    EXPECT_EQ(kiosk::app::deliverOldest(*m_outbox, client, &m_health, nullptr).outcome, DeliveryOutcome::Delivered);
    EXPECT_EQ(http.requests().at(0).url, "https://backend.example/api/v1/heartbeats");
}

TEST_F(OutboxDeliveryTest, ARepeatedDeliveryAnswered200CountsAsDelivered) {
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "again", "{}"));
    auto http = answering(200);
    BackendClient client(http, options());
    EXPECT_EQ(kiosk::app::deliverOldest(*m_outbox, client, &m_health, nullptr).outcome, DeliveryOutcome::Delivered);
    EXPECT_EQ(m_outbox->depth(), 0u);
}

TEST_F(OutboxDeliveryTest, FailuresThatMayPassKeepTheMessage) {
    struct Case {
        int status;
        std::optional<HttpFailure> failure;
    };
    for (const Case c : {Case{503, std::nullopt}, Case{500, std::nullopt}, Case{401, std::nullopt},
                         Case{429, std::nullopt}, Case{0, HttpFailure::Offline}, Case{0, HttpFailure::Timeout}}) {
        ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "kept", "{}"));
        auto http = answering(c.status, c.failure);
        BackendClient client(http, options());
        const auto r = kiosk::app::deliverOldest(*m_outbox, client, &m_health, nullptr);
        EXPECT_EQ(r.outcome, DeliveryOutcome::RetryLater) << c.status;
        EXPECT_EQ(m_outbox->depth(), 1u) << c.status;
    }
    EXPECT_EQ(m_outbox->oldest()->attempts, 6);
    EXPECT_EQ(m_health.snapshot().outboxDropped, 0u);
}

TEST_F(OutboxDeliveryTest, AMessageTheBackendRefusesForGoodIsDroppedAndCounted) {
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "bad", "{}"));
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "next", "{}"));
    auto http = answering(400);
    BackendClient client(http, options());
    const auto r = kiosk::app::deliverOldest(*m_outbox, client, &m_health, nullptr);
    EXPECT_EQ(r.outcome, DeliveryOutcome::Rejected);
    EXPECT_EQ(r.httpStatus, 400);
    EXPECT_EQ(m_outbox->oldest()->idempotencyKey, "next");  // the queue is not stuck behind it
    const auto health = m_health.snapshot();
    EXPECT_EQ(health.outboxDropped, 1u);
    ASSERT_FALSE(health.recentErrors.empty());
    EXPECT_EQ(health.recentErrors.back().kind, "rejected");
}

TEST_F(OutboxDeliveryTest, AnEmptyOutboxSendsNothing) {
    auto http = answering(201);
    BackendClient client(http, options());
    EXPECT_EQ(kiosk::app::deliverOldest(*m_outbox, client, &m_health, nullptr).outcome, DeliveryOutcome::Empty);
    EXPECT_TRUE(http.requests().empty());
}

TEST_F(OutboxDeliveryTest, TheWorkerRetriesUntilTheBackendTakesTheMessage) {
    std::atomic<int> calls{0};
    platform::FakeHttpClient http([&](const platform::HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        if (++calls < 3) return std::unexpected(HttpError{HttpFailure::Offline, "down"});
        HttpResponse r;
        r.status = 201;
        return r;
    });
    BackendClient client(http, options());
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "eventually", "{}"));
    OutboxDelivery delivery(*m_outbox, client, m_health, {.firstRetry = 20ms, .maxRetry = 40ms});
    for (int i = 0; i < 200 && m_outbox->depth() > 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(m_outbox->depth(), 0u);
    EXPECT_EQ(calls.load(), 3);
    delivery.stop();
}

TEST_F(OutboxDeliveryTest, StopCancelsTheRequestInFlightAndKeepsItsMessage) {
    std::atomic<bool> started{false};
    platform::FakeHttpClient http([&](const platform::HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        started = true;
        std::this_thread::sleep_for(100ms);  // the fake ignores cancel; a real transfer is cut short
        return std::unexpected(HttpError{HttpFailure::Cancelled, "cancelled"});
    });
    BackendClient client(http, options());
    ASSERT_TRUE(m_outbox->enqueue(MessageKind::Rating, "in-flight", "{}"));
    OutboxDelivery delivery(*m_outbox, client, m_health, {});
    for (int i = 0; i < 200 && !started; ++i) std::this_thread::sleep_for(5ms);
    delivery.stop();
    EXPECT_EQ(m_outbox->depth(), 1u);  // sent again at the next start, with the same key
}
