#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <future>

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
    o.baseUrl = "http://backend.test/";
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
    EXPECT_EQ(requests[0].url, "http://backend.test/api/v1/dossiers/000.00.06.H56-231027-0361");
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
