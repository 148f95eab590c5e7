// The real client (libcurl) and the `kiosk lookup` binary against kiosk-refbackend on loopback.
// Every fault asserts the typed error and that the call returned within its timeout plus a margin.
// Every answer served here is also validated against docs/api/openapi.yaml by the contract tests
// (tests/integration/contract), which require each answer the contract declares to appear at least once.

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sys/stat.h>

#include "backend_process.hpp"
#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/services/lookup_service.hpp"
#include "kiosk/core/api/iso_time.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"

using namespace kiosk;
using namespace std::chrono;
using nlohmann::json;
using test::BackendProcess;

namespace {

constexpr auto kMargin = milliseconds{700};
const std::string kToken = "integration-token";

std::string magic(const char* n) { return std::string{"000.00.00.Z99-000000-"} + n; }

class BackendIntegrationTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        s_backend = new BackendProcess({"--seed", "--token", kToken, "--allow-faults", "--fault",
                                         "path=/api/v1/heartbeats:status=500", "--catalog",
                                         KIOSK_SOURCE_ASSETS_DIR "/guidance/catalog.json"});
        s_http = platform::makeHttpClient().release();
    }
    static void TearDownTestSuite() {
        delete s_backend;
        delete s_http;
        s_backend = nullptr;
        s_http = nullptr;
    }

    static app::BackendOptions options(milliseconds total = milliseconds{1000}) {
        app::BackendOptions o;
        o.baseUrl = "http://127.0.0.1:" + std::to_string(s_backend->port());
        o.token = kToken;
        o.retries = 0;
        o.http.connectTimeout = milliseconds{500};
        o.http.totalTimeout = total;
        return o;
    }

    // Looks `code` up and checks the time budget.
    static app::LookupResult timedLookup(const std::string& code, milliseconds total, milliseconds* took = nullptr) {
        app::BackendClient client{*s_http, options(total)};
        const auto start = steady_clock::now();
        auto result = client.lookupDossier(code, nullptr);
        const auto elapsed = duration_cast<milliseconds>(steady_clock::now() - start);
        EXPECT_LT(elapsed, total + kMargin) << code;
        if (took) *took = elapsed;
        return result;
    }

    static void expectKind(const app::LookupResult& r, core::LookupErrorKind kind) {
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().kind, kind) << r.error().diagnostic;
    }

    static inline BackendProcess* s_backend = nullptr;
    static inline platform::HttpClient* s_http = nullptr;
};

}  // namespace

TEST_F(BackendIntegrationTest, StartsOnEphemeralPortAndSeedsEveryStatus) {
    ASSERT_TRUE(s_backend->ok()) << s_backend->firstLine();
    EXPECT_TRUE(s_backend->firstLine().starts_with("listening on 127.0.0.1:"));
    EXPECT_GE(s_backend->dossiers().size(), 40u);
    for (int status = 1; status <= 10; ++status) {
        int onTime = 0, overdue = 0;
        for (const auto& d : s_backend->dossiers()) {
            if (d.status == status) (d.overdue ? overdue : onTime)++;
        }
        EXPECT_GT(onTime, 0) << status;
        // 1 (just registered) and 3 (rejected) have no appointment date; 9 and 10 are finished.
        if (status != 1 && status != 3 && status != 9 && status != 10) { EXPECT_GT(overdue, 0) << status; }
    }
    EXPECT_FALSE(s_backend->tokens().empty());
}

TEST_F(BackendIntegrationTest, HappyPathForEverySeededDossier) {
    const auto now = floor<seconds>(system_clock::now());
    for (const auto& seeded : s_backend->dossiers()) {
        auto r = timedLookup(seeded.code, milliseconds{2000});
        ASSERT_TRUE(r) << seeded.code << ": " << r.error().diagnostic;
        EXPECT_EQ(r->code, seeded.code);
        EXPECT_EQ(static_cast<int>(r->status), seeded.status);
        EXPECT_FALSE(r->procedureName.empty());
        EXPECT_FALSE(r->applicantMasked.empty());
        EXPECT_NE(r->applicantMasked.find('*'), std::string::npos);
        if (seeded.overdue) {
            ASSERT_TRUE(r->due) << seeded.code;
            EXPECT_LT(r->due->utc, now) << seeded.code;
        }
        if (seeded.status == 5) { EXPECT_FALSE(r->missingDocuments.empty()); }
        if (seeded.status == 6) {
            ASSERT_FALSE(r->fees.empty());
            EXPECT_FALSE(r->fees[0].paid);
        }
        if (seeded.status == 10) { EXPECT_TRUE(r->pickup); }
    }
}

TEST_F(BackendIntegrationTest, ReceiptTokenResolvesToItsDossier) {
    app::BackendClient client{*s_http, options()};
    for (const auto& [token, code] : s_backend->tokens()) {
        auto resolved = client.resolveToken(token, nullptr);
        ASSERT_TRUE(resolved) << resolved.error().diagnostic;
        EXPECT_EQ(*resolved, code);
    }
    auto unknown = client.resolveToken("no-such-token", nullptr);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, core::LookupErrorKind::NotFound);
}

TEST_F(BackendIntegrationTest, WrongOrMissingTokenIs401) {
    for (const std::string token : {"", "wrong"}) {
        auto o = options();
        o.token = token;
        app::BackendClient client{*s_http, o};
        auto r = client.lookupDossier(s_backend->dossiers().front().code, nullptr);
        expectKind(r, core::LookupErrorKind::Unauthorized);
        if (!r) { EXPECT_EQ(r.error().httpStatus, 401); }
    }
}

TEST_F(BackendIntegrationTest, UnknownCodeIs404) {
    expectKind(timedLookup("000.00.06.H56-991231-9999", milliseconds{1000}), core::LookupErrorKind::NotFound);
}

TEST_F(BackendIntegrationTest, FaultStatusesAreServerErrors) {
    expectKind(timedLookup(magic("0500"), milliseconds{1000}), core::LookupErrorKind::Server);
    expectKind(timedLookup(magic("0503"), milliseconds{1000}), core::LookupErrorKind::Server);
}

TEST_F(BackendIntegrationTest, FaultMalformedJsonIsBadResponse) {
    expectKind(timedLookup(magic("0001"), milliseconds{1000}), core::LookupErrorKind::BadResponse);
}

TEST_F(BackendIntegrationTest, FaultWrongTypesIsBadResponse) {
    auto r = timedLookup(magic("0002"), milliseconds{1000});
    expectKind(r, core::LookupErrorKind::BadResponse);
    if (!r) { EXPECT_TRUE(r.error().diagnostic.starts_with("code:")) << r.error().diagnostic; }
}

TEST_F(BackendIntegrationTest, FaultOversizeIsBadResponseBeforeReadingIt) {
    expectKind(timedLookup(magic("0003"), milliseconds{2000}), core::LookupErrorKind::BadResponse);
}

TEST_F(BackendIntegrationTest, FaultWrongContentTypeIsBadResponse) {
    expectKind(timedLookup(magic("0004"), milliseconds{1000}), core::LookupErrorKind::BadResponse);
}

TEST_F(BackendIntegrationTest, FaultResetIsOffline) {
    expectKind(timedLookup(magic("0005"), milliseconds{1000}), core::LookupErrorKind::Offline);
}

TEST_F(BackendIntegrationTest, FaultLatencyIsTimeoutWithinBudget) {
    milliseconds took{};
    expectKind(timedLookup(magic("0006"), milliseconds{800}, &took), core::LookupErrorKind::Timeout);
    EXPECT_GE(took, milliseconds{700});
}

TEST_F(BackendIntegrationTest, FaultDripIsTimeoutWithinBudget) {
    expectKind(timedLookup(magic("0007"), milliseconds{800}), core::LookupErrorKind::Timeout);
}

TEST_F(BackendIntegrationTest, LatencyWithinBudgetStillSucceeds) {
    // latency=3000 fault code, but a budget of 5 s: slow is not an error.
    auto r = timedLookup(magic("0006"), milliseconds{5000});
    ASSERT_TRUE(r) << r.error().diagnostic;
}

TEST_F(BackendIntegrationTest, ScopedFlagFaultHitsOnlyItsPath) {
    app::BackendClient client{*s_http, options()};
    core::Heartbeat hb;
    hb.kioskId = "kiosk-it";
    auto sent = client.sendHeartbeat(hb, nullptr);
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().kind, core::LookupErrorKind::Server);
    EXPECT_EQ(sent.error().httpStatus, 500);
    EXPECT_TRUE(client.lookupDossier(s_backend->dossiers().front().code, nullptr));
}

TEST_F(BackendIntegrationTest, RatingsAreIdempotentByKey) {
    app::BackendClient client{*s_http, options()};
    core::Rating rating;
    rating.dossierCode = s_backend->dossiers().front().code;
    rating.level = core::RatingLevel::VerySatisfied;
    rating.kioskId = "kiosk-it";
    rating.idempotencyKey = "it-key-" + std::to_string(::getpid());
    EXPECT_TRUE(client.submitRating(rating, nullptr));
    EXPECT_TRUE(client.submitRating(rating, nullptr));  // a repeat is accepted (200), stored once
}

TEST_F(BackendIntegrationTest, CatalogAnswers304ToItsEtag) {
    app::BackendClient client{*s_http, options()};
    auto first = client.fetchCatalog("", nullptr);
    ASSERT_TRUE(first) << first.error().diagnostic;
    ASSERT_FALSE(first->etag.empty());
    EXPECT_FALSE(first->notModified);
    auto second = client.fetchCatalog(first->etag, nullptr);
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->notModified);
    // The backend form: every entry inline, valid for the kiosk's catalog loader.
    auto parsed = core::guidance::parseCatalog(first->body, "backend");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_TRUE(parsed->issues.empty()) << parsed->issues.front().message;
    EXPECT_GE(parsed->catalog.entries.size(), 15u);
}

TEST_F(BackendIntegrationTest, ClosedPortIsOfflineQuickly) {
    auto o = options();
    o.baseUrl = "http://127.0.0.1:1";
    app::BackendClient client{*s_http, o};
    const auto start = steady_clock::now();
    auto r = client.lookupDossier("000.00.06.H56-231027-0361", nullptr);
    EXPECT_LT(steady_clock::now() - start, o.http.connectTimeout + kMargin);
    expectKind(r, core::LookupErrorKind::Offline);
}

TEST_F(BackendIntegrationTest, RetriesAreBoundedByTheirBackoff) {
    auto o = options();
    o.retries = 2;
    o.backoff = milliseconds{100};
    app::BackendClient client{*s_http, o};
    const auto start = steady_clock::now();
    auto r = client.lookupDossier(magic("0503"), nullptr);
    const auto elapsed = steady_clock::now() - start;
    expectKind(r, core::LookupErrorKind::Server);
    EXPECT_GE(elapsed, milliseconds{300});  // 100 + 200 ms of backoff: the retries happened
    EXPECT_LT(elapsed, milliseconds{300} + 3 * kMargin);
}

TEST_F(BackendIntegrationTest, CancelStopsASlowLookupPromptly) {
    app::BackendClient client{*s_http, options(milliseconds{10000})};
    app::LookupService service{client};
    std::promise<app::LookupResult> done;
    service.start(core::DossierCode{magic("0006")}, [&](std::uint64_t, app::LookupResult r) { done.set_value(std::move(r)); });
    std::this_thread::sleep_for(milliseconds{200});
    const auto cancelAt = steady_clock::now();
    service.cancel();
    auto future = done.get_future();
    ASSERT_EQ(future.wait_for(milliseconds{500}), std::future_status::ready);
    EXPECT_LT(steady_clock::now() - cancelAt, milliseconds{500});
    expectKind(future.get(), core::LookupErrorKind::Cancelled);
}

TEST_F(BackendIntegrationTest, NewLookupCancelsThePreviousOne) {
    app::BackendClient client{*s_http, options(milliseconds{10000})};
    app::LookupService service{client};
    std::promise<app::LookupResult> first, second;
    service.start(core::DossierCode{magic("0006")}, [&](std::uint64_t, app::LookupResult r) { first.set_value(std::move(r)); });
    std::this_thread::sleep_for(milliseconds{100});
    service.start(core::DossierCode{s_backend->dossiers().front().code},
                  [&](std::uint64_t, app::LookupResult r) { second.set_value(std::move(r)); });
    expectKind(first.get_future().get(), core::LookupErrorKind::Cancelled);
    auto r = second.get_future().get();
    ASSERT_TRUE(r) << r.error().diagnostic;
}

// Raw exchanges for the answers the kiosk's own calls above never meet: 401 on every operation, 400 for
// a rating or heartbeat the backend cannot take, 5XX everywhere. Each must be served as the contract says.
TEST_F(BackendIntegrationTest, EveryDeclaredErrorIsServed) {
    auto noToken = options();
    noToken.token.clear();
    app::BackendClient anonymous{*s_http, noToken};
    app::BackendClient client{*s_http, options()};
    auto status = [](app::BackendClient& c, platform::HttpRequest request) {
        if (request.method == "POST") request.headers.emplace_back("Content-Type", "application/json");
        auto r = c.exchange(std::move(request), nullptr);
        EXPECT_TRUE(r) << (r ? "" : r.error().diagnostic);
        return r ? r->status : 0;
    };
    const std::string rating = R"({"dossier_code":"000.00.06.H56-231027-0361","level":"satisfied","test":true})";
    EXPECT_EQ(status(anonymous, {"GET", "/api/v1/receipt-tokens/x", {}, {}}), 401);
    EXPECT_EQ(status(anonymous, {"GET", "/api/v1/guidance/catalog", {}, {}}), 401);
    EXPECT_EQ(status(anonymous, {"POST", "/api/v1/ratings", {{"Idempotency-Key", "k"}}, rating}), 401);
    EXPECT_EQ(status(anonymous, {"POST", "/api/v1/heartbeats", {}, R"({"kiosk_id":"it","test":true})"}), 401);
    EXPECT_EQ(status(client, {"POST", "/api/v1/ratings", {}, rating}), 400);  // no Idempotency-Key
    EXPECT_EQ(status(client, {"POST", "/api/v1/ratings", {{"Idempotency-Key", "k400"}}, R"({"level":"great"})"}), 400);
    EXPECT_EQ(status(client, {"POST", "/api/v1/ratings", {{"Idempotency-Key", "k400"}}, R"({"dossier_code":"c","level":"satisfied","test":"yes"})"}), 400);
    const std::pair<std::string, std::string> fault{"X-Fault", "status=503"};
    EXPECT_EQ(status(client, {"GET", "/api/v1/receipt-tokens/x", {fault}, {}}), 503);
    EXPECT_EQ(status(client, {"GET", "/api/v1/guidance/catalog", {fault}, {}}), 503);
    EXPECT_EQ(status(client, {"POST", "/api/v1/ratings", {{"Idempotency-Key", "k503"}, fault}, rating}), 503);

    BackendProcess bare{{"--token", kToken, "--no-catalog"}};
    ASSERT_TRUE(bare.ok());
    auto o = options();
    o.baseUrl = "http://127.0.0.1:" + std::to_string(bare.port());
    app::BackendClient bareClient{*s_http, o};
    EXPECT_EQ(status(bareClient, {"GET", "/api/v1/guidance/catalog", {}, {}}), 404);
    EXPECT_EQ(status(bareClient, {"POST", "/api/v1/heartbeats", {}, "{}"}), 400);  // the suite's backend fails heartbeats
    EXPECT_EQ(status(bareClient, {"POST", "/api/v1/heartbeats", {}, R"({"kiosk_id":"it","test":1})"}), 400);
}

// ---- the `kiosk lookup` binary -------------------------------------------------------------------

class KioskLookupCliTest : public BackendIntegrationTest {
protected:
    static std::string tokenFile() {
        const auto path = (std::filesystem::temp_directory_path() / ("kiosk-it-token-" + std::to_string(::getpid()))).string();
        std::ofstream{path} << kToken << "\n";
        ::chmod(path.c_str(), 0600);
        return path;
    }
    static int lookup(const std::string& text, json& out, bool withToken = true) {
        std::vector<std::string> argv = {KIOSK_EXE, "--backend", "http://127.0.0.1:" + std::to_string(s_backend->port())};
        if (withToken) {
            argv.push_back("--token-file");
            argv.push_back(tokenFile());
        }
        argv.push_back("lookup");
        argv.push_back(text);
        std::string stdoutText;
        const int rc = test::runCapture(argv, stdoutText);
        EXPECT_EQ(std::count(stdoutText.begin(), stdoutText.end(), '\n'), 1) << stdoutText;
        out = json::parse(stdoutText, nullptr, false);
        EXPECT_FALSE(out.is_discarded()) << stdoutText;
        return rc;
    }
};

TEST_F(KioskLookupCliTest, PrintsTheMaskedDossierForSeveralStatuses) {
    for (int status : {1, 5, 6, 10}) {
        const auto it = std::ranges::find_if(s_backend->dossiers(), [&](const auto& d) { return d.status == status; });
        ASSERT_NE(it, s_backend->dossiers().end());
        json out;
        // Lower case and spaces, as typed: the CLI reads TEXT like a scan.
        std::string typed = it->code;
        for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        ASSERT_EQ(lookup(" " + typed + " ", out), 0) << out.dump();
        EXPECT_EQ(out["code"], it->code);
        EXPECT_EQ(out["status"], status);
        EXPECT_TRUE(out.contains("due"));
        if (!out["due"].is_null()) { EXPECT_TRUE(core::parseIsoTime(out["due"].get<std::string>())); }
        EXPECT_NE(out["applicant"].get<std::string>().find('*'), std::string::npos);
    }
}

TEST_F(KioskLookupCliTest, ReportsErrorsAsKindsWithExit1) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"000.00.06.H56-991231-9999", "not_found"}, {magic("0001"), "bad_response"}, {magic("0503"), "server"},
        {magic("0005"), "offline"},                 {"not a code", "invalid"}};
    for (const auto& [text, kind] : cases) {
        json out;
        EXPECT_EQ(lookup(text, out), 1) << text;
        EXPECT_EQ(out["error"]["kind"], kind) << text << " " << out.dump();
        EXPECT_TRUE(out["error"]["message"].is_string());
    }
    json out;
    EXPECT_EQ(lookup(s_backend->dossiers().front().code, out, false), 1);
    EXPECT_EQ(out["error"]["kind"], "unauthorized");
}

// ---- kiosk-refbackend's own command line ---------------------------------------------------------

TEST(RefBackendCliTest, HelpDocumentsTheFaultGrammar) {
    std::string out;
    EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--help"}, out), 0);
    for (const char* word : {"--listen", "--db", "--seed", "--token", "--fault", "latency=", "drip=", "reset", "status=",
                             "malformed", "wrongtypes", "oversize=", "contenttype=", "path=", "code=", "X-Fault"}) {
        EXPECT_NE(out.find(word), std::string::npos) << word;
    }
}

TEST(RefBackendCliTest, BadFaultSpecIsRefusedWithExit2) {
    std::string out;
    for (const char* spec : {"explode=1", "latency=abc", "drop=", "status=42"}) {
        EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--listen", "127.0.0.1:0", "--token", "t", "--allow-faults", "--fault", spec}, out), 2)
            << spec;
    }
    EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--listen", "nonsense", "--token", "t"}, out), 2);
}

// Hardening: it is a reference tool, but integrators copy it.
TEST(RefBackendCliTest, ServesNothingWithoutATokenUnlessOpenOnLoopback) {
    std::string out, err;
    EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--listen", "127.0.0.1:0"}, out, &err), 2);
    EXPECT_NE(err.find("without a device token"), std::string::npos) << err;
    err.clear();
    // --open beyond loopback is refused before anything is bound.
    EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--listen", "0.0.0.0:0", "--open"}, out, &err), 2);
    EXPECT_NE(err.find("not a loopback address"), std::string::npos) << err;
    EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--listen", "127.0.0.1:0", "--open", "--token", "t"}, out), 2);

    // --open on loopback serves, with a warning.
    BackendProcess open{{"--seed", "--open"}};
    ASSERT_TRUE(open.ok());
    auto http = platform::makeHttpClient();
    app::BackendOptions o;
    o.baseUrl = "http://127.0.0.1:" + std::to_string(open.port());
    app::BackendClient client{*http, o};
    EXPECT_TRUE(client.lookupDossier(open.dossiers().front().code, nullptr));
}

// A second instance on a port that is in use is refused (cpp-httplib's default SO_REUSEPORT would let
// both listen and share the requests).
TEST(RefBackendCliTest, RefusesAPortInUse) {
    BackendProcess first{{"--token", "t"}};
    ASSERT_TRUE(first.ok());
    std::string out, err;
    EXPECT_EQ(test::runCapture({"/usr/bin/timeout", "5", REFBACKEND_EXE, "--listen",
                                "127.0.0.1:" + std::to_string(first.port()), "--token", "t"},
                               out, &err),
              1);
    EXPECT_NE(err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())), std::string::npos) << err;
    EXPECT_EQ(out.find("listening on"), std::string::npos) << out;
}

TEST(RefBackendCliTest, WarnsWhenListeningBeyondLoopback) {
    // The warning comes before the TLS files are checked, so a lone --tls-cert ends the run (exit 2)
    // before anything is bound: no port is opened beyond loopback. 192.0.2.1 is TEST-NET-1, no
    // address of this machine; `timeout` guards the test should that order ever change.
    std::string out, err;
    EXPECT_EQ(test::runCapture({"/usr/bin/timeout", "5", REFBACKEND_EXE, "--listen", "192.0.2.1:0", "--token", "t",
                                "--tls-cert", "/nonexistent"}, out, &err), 2);
    EXPECT_NE(err.find("WARNING: listening on 192.0.2.1"), std::string::npos) << err;
    err.clear();
    EXPECT_EQ(test::runCapture({"/usr/bin/timeout", "5", REFBACKEND_EXE, "--listen", "127.0.0.1:0", "--token", "t",
                                "--tls-cert", "/nonexistent"}, out, &err), 2);
    EXPECT_EQ(err.find("WARNING: listening"), std::string::npos) << err;
}

TEST(RefBackendCliTest, FaultsOnlyWithAllowFaults) {
    std::string out, err;
    EXPECT_EQ(test::runCapture({REFBACKEND_EXE, "--listen", "127.0.0.1:0", "--token", "t", "--fault", "latency=10"}, out, &err), 2);
    EXPECT_NE(err.find("--allow-faults"), std::string::npos) << err;

    // Without --allow-faults the X-Fault header and the magic codes are ordinary requests.
    BackendProcess plain{{"--seed", "--token", "t"}};
    ASSERT_TRUE(plain.ok());
    auto http = platform::makeHttpClient();
    app::BackendOptions o;
    o.baseUrl = "http://127.0.0.1:" + std::to_string(plain.port());
    o.token = "t";
    app::BackendClient client{*http, o};
    const std::string path = "/api/v1/dossiers/" + plain.dossiers().front().code;
    auto spoiled = client.exchange({"GET", path, {{"X-Fault", "status=500"}}, {}}, nullptr);
    ASSERT_TRUE(spoiled);
    EXPECT_EQ(spoiled->status, 200);
    auto magicCode = client.exchange({"GET", "/api/v1/dossiers/" + magic("0500"), {}, {}}, nullptr);
    ASSERT_TRUE(magicCode);
    EXPECT_EQ(magicCode->status, 404);

    // With it, the same header is honoured.
    BackendProcess faulty{{"--seed", "--token", "t", "--allow-faults"}};
    ASSERT_TRUE(faulty.ok());
    o.baseUrl = "http://127.0.0.1:" + std::to_string(faulty.port());
    app::BackendClient faultyClient{*http, o};
    auto honoured = faultyClient.exchange({"GET", path, {{"X-Fault", "status=500"}}, {}}, nullptr);
    ASSERT_TRUE(honoured);
    EXPECT_EQ(honoured->status, 500);
}
