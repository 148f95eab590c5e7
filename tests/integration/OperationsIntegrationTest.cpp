// The outbox, heartbeats and the metrics file against the real reference backend on loopback, real
// SQLite and real files: ratings given while the backend is down arrive once when it returns; the
// backend keeps each kiosk's latest heartbeat and lists it; the metrics file passes promtool; and
// `kiosk outbox status|deliver`.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "backend_process.hpp"
#include "kiosk/app/services/operations.hpp"

namespace fs = std::filesystem;
namespace app = kiosk::app;
namespace core = kiosk::core;
using kiosk::test::BackendProcess;
using kiosk::test::runCapture;
using namespace std::chrono_literals;

namespace {

constexpr const char* kToken = "ops-integration-token";

int freePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

// Counts rows of the reference backend's database (it runs WAL, so a reader sees committed rows).
long long countRows(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
    sqlite3_busy_timeout(handle, 2000);
    sqlite3_stmt* stmt = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return n;
}

template <class Pred>
bool waitUntil(Pred pred, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (pred()) return true;
        std::this_thread::sleep_for(50ms);
    }
    return pred();
}

std::string get(int port, const std::string& path) {
    std::string out;
    runCapture({"/usr/bin/python3", "-c",
                "import sys,urllib.request;sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
                "http://127.0.0.1:" + std::to_string(port) + path},
               out);
    return out;
}

class OperationsIntegrationTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("ops-it-" + std::to_string(getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        m_port = freePort();
        {
            std::ofstream(m_dir / "token") << kToken << "\n";
        }
        chmod((m_dir / "token").c_str(), 0600);
        m_settings.backend.url = "http://127.0.0.1:" + std::to_string(m_port);
        m_settings.backend.tokenFile = (m_dir / "token").string();
        m_settings.backend.connectTimeoutMs = 500;
        m_settings.backend.totalTimeoutMs = 2000;
        m_settings.operations.dataDir = (m_dir / "data").string();
        m_settings.operations.metricsFile = (m_dir / "metrics" / "kiosk.prom").string();
        m_settings.operations.metricsIntervalS = 1;
        m_settings.operations.outboxRetryMaxS = 1;
        m_settings.operations.heartbeatIntervalS = 10;
        auto options = app::backendOptionsFrom(m_settings.backend);
        ASSERT_TRUE(options.has_value()) << options.error().diagnostic;
        m_http = platform::makeHttpClient();
        m_client = std::make_unique<app::BackendClient>(*m_http, *options);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    [[nodiscard]] fs::path backendDb() const { return m_dir / "backend.sqlite"; }
    std::unique_ptr<BackendProcess> startBackend() {
        auto backend = std::make_unique<BackendProcess>(std::vector<std::string>{
            "--listen", "127.0.0.1:" + std::to_string(m_port), "--db", backendDb().string(), "--token", kToken});
        EXPECT_TRUE(backend->ok()) << backend->firstLine();
        return backend;
    }
    static core::Rating rating(const std::string& key) {
        core::Rating r;
        r.dossierCode = "000.00.06.H56-231027-0361";
        r.level = core::RatingLevel::VerySatisfied;
        r.kioskId = "kiosk-it";
        r.idempotencyKey = key;
        return r;
    }
    [[nodiscard]] std::string configFile() const {
        const fs::path file = m_dir / "kiosk.toml";
        std::ofstream(file) << "[backend]\nurl = \"" << m_settings.backend.url << "\"\ntoken_file = \""
                            << m_settings.backend.tokenFile << "\"\n[operations]\ndata_dir = \""
                            << m_settings.operations.dataDir << "\"\n";
        return file.string();
    }

    fs::path m_dir;
    int m_port = 0;
    core::Settings m_settings;
    std::unique_ptr<platform::HttpClient> m_http;
    std::unique_ptr<app::BackendClient> m_client;
    app::HealthBoard m_health;
};

}  // namespace

TEST_F(OperationsIntegrationTest, RatingsGivenWhileTheBackendIsDownArriveOnceWhenItReturns) {
    app::Operations ops(m_settings, m_client.get(), m_health, "kiosk-it", "it-1", core::TimeZone{});
    for (int i = 1; i <= 5; ++i) ASSERT_TRUE(ops.queueRating(rating("down-" + std::to_string(i))));
    std::this_thread::sleep_for(1500ms);  // a few attempts against nothing
    EXPECT_EQ(ops.outbox().depth(), 5u);
    EXPECT_EQ(m_health.snapshot().outboxDepth, 5u);

    auto backend = startBackend();
    ASSERT_TRUE(waitUntil([&] { return ops.outbox().depth() == 0; }, 15s)) << ops.outbox().depth() << " left";
    EXPECT_EQ(countRows(backendDb(), "SELECT COUNT(*) FROM ratings WHERE idempotency_key LIKE 'down-%'"), 5);
    // The same rating queued again (a repeated command) reaches the backend as the same one.
    ASSERT_TRUE(ops.queueRating(rating("down-3")));
    ASSERT_TRUE(waitUntil([&] { return ops.outbox().depth() == 0; }, 10s));
    EXPECT_EQ(countRows(backendDb(), "SELECT COUNT(*) FROM ratings"), 5);
    ops.stop();
}

TEST_F(OperationsIntegrationTest, TheBackendListsTheLatestHeartbeatOfEachKiosk) {
    auto backend = startBackend();
    app::Operations ops(m_settings, m_client.get(), m_health, "kiosk-it-hb", "it-2", core::TimeZone{});
    app::FrameTimes frames;
    m_health.printFinished(core::PrintFailure::PaperOut);
    ops.startReporting(
        [&] {
            app::HealthSnapshot s = m_health.snapshot();
            s.printerConfigured = true;
            s.printerStatus = platform::PrinterStatus{.online = false, .paperNearEnd = true, .paperOut = true};
            return s;
        },
        frames);
    // The first heartbeat goes a few seconds after the start.
    ASSERT_TRUE(waitUntil([&] { return countRows(backendDb(), "SELECT COUNT(*) FROM kiosks") == 1; }, 15s));
    const auto listed = nlohmann::json::parse(get(backend->port(), "/fleet.json"), nullptr, false);
    ASSERT_TRUE(listed.is_object()) << get(backend->port(), "/fleet.json");
    ASSERT_EQ(listed["kiosks"].size(), 1u);
    const auto& hb = listed["kiosks"][0]["heartbeat"];
    EXPECT_EQ(listed["kiosks"][0]["kiosk_id"], "kiosk-it-hb");
    EXPECT_EQ(hb["version"], std::string(app::kioskVersion()));
    EXPECT_EQ(hb["states"]["paper"], "out");
    EXPECT_EQ(hb["states"]["printer"], "offline");
    EXPECT_EQ(hb["states"]["last_errors"], "printer:paper_out");
    EXPECT_EQ(hb["counters"]["prints_failed"], 1);
    EXPECT_TRUE(hb["counters"].contains("outbox_depth"));
    const std::string page = get(backend->port(), "/fleet");
    EXPECT_NE(page.find("kiosk-it-hb"), std::string::npos) << page;
    EXPECT_NE(page.find("<td class=\"bad\">out</td>"), std::string::npos) << page;
    ops.stop();

    // A late heartbeat (older sent_at) does not replace the newer state; a test heartbeat is not listed.
    const std::string late =
        R"({"kiosk_id":"kiosk-it-hb","sent_at":"2020-01-01T00:00:00+07:00","states":{"paper":"ok"}})";
    platform::HttpRequest post{"POST", "/api/v1/heartbeats", {{"Content-Type", "application/json"}, {"Idempotency-Key", "late-1"}}, late};
    auto answer = m_client->exchange(post, nullptr);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->status, 202);
    post.body = R"({"kiosk_id":"conformance-run","test":true})";
    ASSERT_EQ(m_client->exchange(post, nullptr)->status, 202);
    const auto after = nlohmann::json::parse(get(backend->port(), "/fleet.json"), nullptr, false);
    ASSERT_EQ(after["kiosks"].size(), 1u);
    EXPECT_EQ(after["kiosks"][0]["heartbeat"]["states"]["paper"], "out");
}

TEST_F(OperationsIntegrationTest, TheMetricsFilePassesPromtool) {
    app::Operations ops(m_settings, nullptr, m_health, "kiosk-it-metrics", "it-3", core::TimeZone{});
    app::FrameTimes frames;
    frames.record(12.0);
    m_health.lookupFinished(std::nullopt, 45.0);
    ops.startReporting([&] { return m_health.snapshot(); }, frames);
    const fs::path file = m_settings.operations.metricsFile;
    ASSERT_TRUE(waitUntil([&] { return fs::exists(file); }, 5s));
    ops.stop();
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::others_read, fs::perms::others_read);  // node_exporter reads it
    // No temporary file is left beside it (each write is a rename).
    for (const auto& e : fs::directory_iterator(file.parent_path())) EXPECT_EQ(e.path(), file);
    std::string out, err;
    const int rc = runCapture({"/bin/sh", "-c", "promtool check metrics < '" + file.string() + "'"}, out, &err);
    EXPECT_EQ(rc, 0) << out << err;
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("kiosk_lookups_total{outcome=\"ok\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("kiosk_frame_duration_seconds_count 1\n"), std::string::npos) << text;
}

TEST_F(OperationsIntegrationTest, OutboxCommandShowsAndDeliversWhatWaits) {
    {
        app::Outbox outbox(fs::path(m_settings.operations.dataDir) / "outbox.db", 100);
        for (const char* key : {"cli-1", "cli-2"}) {
            ASSERT_TRUE(outbox.enqueue(app::MessageKind::Rating, key, core::buildRatingJson(rating(key))));
        }
        outbox.markCleanStop();
    }
    const std::string config = configFile();
    std::string out, err;
    EXPECT_EQ(runCapture({KIOSK_EXE, "outbox", "status", "--config", config}, out, &err), 0) << err;
    EXPECT_NE(out.find("2 ratings, 0 heartbeats waiting"), std::string::npos) << out;
    out.clear();
    EXPECT_EQ(runCapture({KIOSK_EXE, "--config", config, "outbox", "deliver"}, out, &err), 1) << err;  // backend down
    EXPECT_NE(out.find("stopped: offline; 2 still waiting"), std::string::npos) << out;
    auto backend = startBackend();
    out.clear();
    EXPECT_EQ(runCapture({KIOSK_EXE, "outbox", "deliver", "--config", config}, out, &err), 0) << err;
    EXPECT_NE(out.find("delivered 2, refused 0; the outbox is empty"), std::string::npos) << out;
    EXPECT_EQ(countRows(backendDb(), "SELECT COUNT(*) FROM ratings WHERE idempotency_key LIKE 'cli-%'"), 2);
}
