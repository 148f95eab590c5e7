#include <gtest/gtest.h>
#include <sys/stat.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/core/text/url_encoding.hpp"
#include "kiosk/app/services/lookup_service.hpp"
#include "platform/fake/http_client_fake.hpp"

using namespace kiosk;
using platform::HttpError;
using platform::HttpFailure;
using platform::HttpRequest;
using platform::HttpResponse;

namespace {

const std::string kCode = "000.00.06.H56-231027-0361";
const std::string kBody = R"({"code":"000.00.06.H56-231027-0361","status":4,"procedure":{"name":"X"}})";

HttpResponse json(int status, std::string body) { return HttpResponse{status, "application/json; charset=utf-8", "", std::move(body)}; }

app::BackendOptions options() {
    app::BackendOptions o;
    o.baseUrl = "https://backend.test/";
    o.token = "secret-token";
    o.retries = 2;
    o.backoff = std::chrono::milliseconds{1};
    return o;
}

}  // namespace

TEST(BackendClientTest, LooksUpWithBearerTokenAndEncodedPath) {
    platform::FakeHttpClient http{[](const HttpRequest&) -> std::expected<HttpResponse, HttpError> { return json(200, kBody); }};
    app::BackendClient client{http, options()};
    auto d = client.lookupDossier(kCode, nullptr);
    ASSERT_TRUE(d) << d.error().diagnostic;
    EXPECT_EQ(d->status, core::DossierStatus::Processing);
    const auto requests = http.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].url, "https://backend.test/api/v1/dossiers/000.00.06.H56-231027-0361");
    bool auth = false;
    for (const auto& [k, v] : requests[0].headers) auth |= (k == "Authorization" && v == "Bearer secret-token");
    EXPECT_TRUE(auth);
    EXPECT_EQ(kiosk::core::percentEncode("a/b c?%"), "a%2Fb%20c%3F%25");
}

TEST(BackendClientTest, StatusCodesMapToKinds) {
    for (auto [status, kind] : std::vector<std::pair<int, core::LookupErrorKind>>{
             {401, core::LookupErrorKind::Unauthorized}, {403, core::LookupErrorKind::Unauthorized},
             {404, core::LookupErrorKind::NotFound}, {500, core::LookupErrorKind::Server},
             {503, core::LookupErrorKind::Server}, {302, core::LookupErrorKind::Server},
             {504, core::LookupErrorKind::Timeout}}) {
        platform::FakeHttpClient http{[status](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
            return json(status, R"({"error":{"kind":"x","message":"m"}})");
        }};
        app::BackendClient client{http, options()};
        auto d = client.lookupDossier(kCode, nullptr);
        ASSERT_FALSE(d);
        EXPECT_EQ(d.error().kind, kind) << status;
        EXPECT_EQ(d.error().httpStatus, status);
    }
}

TEST(BackendClientTest, TransportFailuresMapToKinds) {
    for (auto [failure, kind] : std::vector<std::pair<HttpFailure, core::LookupErrorKind>>{
             {HttpFailure::Offline, core::LookupErrorKind::Offline}, {HttpFailure::Timeout, core::LookupErrorKind::Timeout},
             {HttpFailure::Tls, core::LookupErrorKind::Tls}, {HttpFailure::TooLarge, core::LookupErrorKind::BadResponse},
             {HttpFailure::Protocol, core::LookupErrorKind::BadResponse}}) {
        platform::FakeHttpClient http{[failure](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
            return std::unexpected(HttpError{failure, "x"});
        }};
        app::BackendClient client{http, options()};
        auto d = client.lookupDossier(kCode, nullptr);
        ASSERT_FALSE(d);
        EXPECT_EQ(d.error().kind, kind);
    }
}

TEST(BackendClientTest, RetriesGetsOnlyWhenOfflineOr503) {
    int calls = 0;
    platform::FakeHttpClient http{[&](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        if (++calls < 3) return std::unexpected(HttpError{HttpFailure::Offline, "refused"});
        return json(200, kBody);
    }};
    app::BackendClient client{http, options()};
    EXPECT_TRUE(client.lookupDossier(kCode, nullptr));
    EXPECT_EQ(calls, 3);

    int timeouts = 0;
    platform::FakeHttpClient slow{[&](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        ++timeouts;
        return std::unexpected(HttpError{HttpFailure::Timeout, "t"});
    }};
    app::BackendClient slowClient{slow, options()};
    EXPECT_FALSE(slowClient.lookupDossier(kCode, nullptr));
    EXPECT_EQ(timeouts, 1);  // a timeout already cost the citizen the whole budget
}

TEST(BackendClientTest, PostsAreNotRetriedAndCarryIdempotencyKey) {
    int calls = 0;
    platform::FakeHttpClient http{[&](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        ++calls;
        return json(503, "{}");
    }};
    app::BackendClient client{http, options()};
    core::Rating rating;
    rating.dossierCode = kCode;
    rating.idempotencyKey = "key-1";
    EXPECT_FALSE(client.submitRating(rating, nullptr));
    EXPECT_EQ(calls, 1);
    const auto sent = http.requests();  // a copy: iterating a temporary's member would dangle
    ASSERT_EQ(sent.size(), 1u);
    bool key = false;
    for (const auto& [k, v] : sent[0].headers) key |= (k == "Idempotency-Key" && v == "key-1");
    EXPECT_TRUE(key);
    EXPECT_EQ(sent[0].method, "POST");
}

TEST(BackendClientTest, WrongContentTypeIsBadResponse) {
    platform::FakeHttpClient http{[](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        return HttpResponse{200, "text/html", "", kBody};
    }};
    app::BackendClient client{http, options()};
    auto d = client.lookupDossier(kCode, nullptr);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().kind, core::LookupErrorKind::BadResponse);
}

TEST(BackendClientTest, CatalogSendsIfNoneMatchAndUnderstands304) {
    platform::FakeHttpClient http{[](const HttpRequest& r) -> std::expected<HttpResponse, HttpError> {
        for (const auto& [k, v] : r.headers) {
            if (k == "If-None-Match" && v == "\"abc\"") return HttpResponse{304, "", "\"abc\"", ""};
        }
        return HttpResponse{200, "application/json", "\"abc\"", "{}"};
    }};
    app::BackendClient client{http, options()};
    auto fresh = client.fetchCatalog("", nullptr);
    ASSERT_TRUE(fresh);
    EXPECT_FALSE(fresh->notModified);
    EXPECT_EQ(fresh->etag, "\"abc\"");
    auto cached = client.fetchCatalog("\"abc\"", nullptr);
    ASSERT_TRUE(cached);
    EXPECT_TRUE(cached->notModified);
}

TEST(BackendClientTest, TokenThenDossierThroughLookupService) {
    platform::FakeHttpClient http{[](const HttpRequest& r) -> std::expected<HttpResponse, HttpError> {
        if (r.url.find("/receipt-tokens/") != std::string::npos) return json(200, R"({"code":"000.00.06.H56-231027-0361"})");
        return json(200, kBody);
    }};
    app::BackendClient client{http, options()};
    app::LookupService service{client};
    std::promise<app::LookupResult> done;
    service.start(core::ReceiptToken{"tok-1"}, [&](std::uint64_t, app::LookupResult r) { done.set_value(std::move(r)); });
    auto result = done.get_future().get();
    ASSERT_TRUE(result);
    EXPECT_EQ(result->code, kCode);
    EXPECT_EQ(http.requests().size(), 2u);
}

TEST(BackendClientTest, CancelDeliversCancelled) {
    std::promise<void> entered;
    std::atomic<bool> release{false};
    platform::FakeHttpClient http{[&](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        entered.set_value();
        while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return json(200, kBody);
    }};
    app::BackendClient client{http, options()};
    app::LookupService service{client};
    std::promise<app::LookupResult> done;
    service.start(core::DossierCode{kCode}, [&](std::uint64_t, app::LookupResult r) { done.set_value(std::move(r)); });
    entered.get_future().wait();
    service.cancel();
    release = true;
    auto result = done.get_future().get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, core::LookupErrorKind::Cancelled);
}

TEST(BackendClientTest, TokenFileMustNotBeWorldReadable) {
    const auto path = (std::filesystem::temp_directory_path() / ("kiosk-token-" + std::to_string(::getpid()))).string();
    {
        std::ofstream out{path};
        out << "  tok-123\n";
    }
    ::chmod(path.c_str(), 0644);
    auto refused = app::readDeviceToken(path);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().find(path), std::string::npos);
    EXPECT_NE(refused.error().find("chmod 600"), std::string::npos);
    ::chmod(path.c_str(), 0600);
    auto ok = app::readDeviceToken(path);
    ASSERT_TRUE(ok) << ok.error();
    EXPECT_EQ(*ok, "tok-123");
    std::filesystem::remove(path);
    EXPECT_FALSE(app::readDeviceToken(path));
}

// [SECTION] Issue 15 regressions ----------------------------------------------------------------------

namespace {

/// Captures everything logged through spdlog's default logger while alive.
class LogCapture {
public:
    LogCapture() : m_previous(spdlog::default_logger()) {
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_out);
        auto logger = std::make_shared<spdlog::logger>("capture", sink);
        logger->set_level(spdlog::level::trace);
        spdlog::set_default_logger(logger);
    }
    ~LogCapture() { spdlog::set_default_logger(m_previous); }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;
    [[nodiscard]] std::string text() const { return m_out.str(); }

private:
    std::ostringstream m_out;
    std::shared_ptr<spdlog::logger> m_previous;
};

}  // namespace

// A backend error reply's kind and message were logged verbatim: a log line carried "001099012345"
// and a full name. Only the HTTP status and a kind from the fixed list are kept and logged now.
TEST(BackendClientTest, ErrorRepliesNeverBringTheBackendsWordsIntoLogs) {
    platform::FakeHttpClient http{[](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        return json(400, R"({"error":{"kind":"CCCD 001099012345 Nguyễn Văn An","message":"Nguyễn Văn An, 001099012345"}})");
    }};
    app::BackendClient client{http, options()};
    LogCapture log;
    auto d = client.lookupDossier(kCode, nullptr);
    ASSERT_FALSE(d);
    for (const std::string& text : {d.error().diagnostic, log.text()}) {
        EXPECT_EQ(text.find("001099012345"), std::string::npos) << text;
        EXPECT_EQ(text.find("Nguyễn"), std::string::npos) << text;
        EXPECT_EQ(text.find("Văn"), std::string::npos) << text;
    }
    EXPECT_NE(d.error().diagnostic.find("HTTP 400"), std::string::npos);
    EXPECT_NE(d.error().diagnostic.find("error kind: other"), std::string::npos) << d.error().diagnostic;
    EXPECT_NE(log.text().find("http 400"), std::string::npos) << log.text();
}

// A lookup configured with a 3 s total timeout took 9.4 s (retries x timeout + backoff). The total
// timeout is now the citizen's whole wait. The fake server answers 503 after 150 ms, or times out
// when the client gave the attempt less than that.
TEST(BackendClientTest, RetriesAndBackoffFitInTheTotalTimeout) {
    std::vector<std::chrono::milliseconds> budgets;
    platform::FakeHttpClient* self = nullptr;
    platform::FakeHttpClient http{[&](const HttpRequest&) -> std::expected<HttpResponse, HttpError> {
        const auto budget = self->lastOptions().totalTimeout;
        budgets.push_back(budget);
        if (budget < std::chrono::milliseconds{150}) {
            std::this_thread::sleep_for(budget);
            return std::unexpected(HttpError{HttpFailure::Timeout, "timed out"});
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{150});
        return json(503, "{}");
    }};
    self = &http;
    auto o = options();
    o.http.totalTimeout = std::chrono::milliseconds{400};
    o.http.connectTimeout = std::chrono::milliseconds{300};
    o.retries = 5;
    o.backoff = std::chrono::milliseconds{50};
    app::BackendClient client{http, o};
    const auto t0 = std::chrono::steady_clock::now();
    auto d = client.lookupDossier(kCode, nullptr);
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    ASSERT_FALSE(d);
    // Before: 6 attempts of 150 ms and 50+100+200+400+800 ms of backoff, about 2.4 s.
    EXPECT_LT(elapsed, std::chrono::milliseconds{900});
    ASSERT_GE(budgets.size(), 2u) << "one retry fits: 150 ms + 50 ms backoff < 400 ms";
    EXPECT_LT(budgets.size(), 6u);
    EXPECT_LE(budgets.front(), std::chrono::milliseconds{400});
    EXPECT_GE(budgets.front(), std::chrono::milliseconds{350});
    for (std::size_t i = 1; i < budgets.size(); ++i) EXPECT_LT(budgets[i], budgets[i - 1]) << "each attempt gets what is left";
}

TEST(BackendClientTest, TokenAndDossierShareOneDeadline) {
    std::vector<std::chrono::milliseconds> budgets;
    platform::FakeHttpClient* self = nullptr;
    platform::FakeHttpClient http{[&](const HttpRequest& r) -> std::expected<HttpResponse, HttpError> {
        budgets.push_back(self->lastOptions().totalTimeout);
        if (r.url.find("/receipt-tokens/") != std::string::npos) {
            std::this_thread::sleep_for(std::chrono::milliseconds{300});
            return json(200, R"({"code":"000.00.06.H56-231027-0361"})");
        }
        return json(200, kBody);
    }};
    self = &http;
    auto o = options();
    o.http.totalTimeout = std::chrono::milliseconds{1000};
    app::BackendClient client{http, o};
    app::LookupService service{client};
    std::promise<app::LookupResult> done;
    service.start(core::ReceiptToken{"tok-1"}, [&](std::uint64_t, app::LookupResult r) { done.set_value(std::move(r)); });
    ASSERT_TRUE(done.get_future().get());
    ASSERT_EQ(budgets.size(), 2u);
    EXPECT_GE(budgets[0], std::chrono::milliseconds{950});
    EXPECT_LE(budgets[1], std::chrono::milliseconds{700}) << "the dossier call gets what the token call left";
}

// Plain http:// to another host was accepted silently and the bearer token travelled in clear text.
TEST(BackendClientTest, PlainHttpToAnotherHostIsRefusedUnlessAllowed) {
    platform::FakeHttpClient http{[](const HttpRequest&) -> std::expected<HttpResponse, HttpError> { return json(200, kBody); }};
    auto o = options();
    o.baseUrl = "http://backend.example.vn";
    app::BackendClient refused{http, o};
    auto d = refused.lookupDossier(kCode, nullptr);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().kind, core::LookupErrorKind::Tls);
    EXPECT_TRUE(http.requests().empty()) << "nothing, least of all the token, was sent";
    o.allowInsecureHttp = true;
    app::BackendClient allowed{http, o};
    EXPECT_TRUE(allowed.lookupDossier(kCode, nullptr));
    o.allowInsecureHttp = false;
    o.baseUrl = "http://127.0.0.1:8787";
    app::BackendClient loopback{http, o};
    EXPECT_TRUE(loopback.lookupDossier(kCode, nullptr));
}

TEST(BackendClientTest, SettingsWithInsecureHttpWarnAtEveryStart) {
    core::BackendSettings settings;
    settings.url = "http://10.1.2.3:8080";
    auto refused = app::backendOptionsFrom(settings);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, core::LookupErrorKind::Tls);
    EXPECT_NE(refused.error().diagnostic.find("allow_insecure_http"), std::string::npos);
    settings.allowInsecureHttp = true;
    for (int start = 0; start < 2; ++start) {
        LogCapture log;
        auto allowed = app::backendOptionsFrom(settings);
        ASSERT_TRUE(allowed);
        EXPECT_TRUE(allowed->allowInsecureHttp);
        EXPECT_NE(log.text().find("UNENCRYPTED"), std::string::npos) << log.text();
    }
    settings.url = "https://10.1.2.3";
    LogCapture quiet;
    EXPECT_TRUE(app::backendOptionsFrom(settings));
    EXPECT_EQ(quiet.text().find("UNENCRYPTED"), std::string::npos);
}
