// The heartbeat and the metrics file built from one health snapshot; and the monitoring files
// (alert rules, dashboard) name only metrics the kiosk writes.
#include "kiosk/app/services/health_report.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace app = kiosk::app;
namespace core = kiosk::core;
using namespace std::chrono_literals;

namespace {

const auto kNow = std::chrono::system_clock::time_point{std::chrono::seconds{1'800'000'000}};

app::HealthSnapshot busySnapshot() {
    app::HealthBoard board;
    board.lookupFinished(std::nullopt, 40.0);
    board.lookupFinished(std::nullopt, 90.0);
    board.lookupFinished(core::LookupErrorKind::NotFound, 30.0);
    board.lookupFinished(core::LookupErrorKind::Timeout, 5000.0);
    board.scanRead(app::ScanChannel::Camera);
    board.scanRead(app::ScanChannel::Keyboard);
    board.printFinished(std::nullopt);
    board.printFinished(core::PrintFailure::PaperOut);
    board.setOutboxDepth(3);
    board.outboxDropped(2);
    app::HealthSnapshot s = board.snapshot();
    s.startedAt = kNow - 3600s;
    s.printerConfigured = true;
    s.printerStatus = platform::PrinterStatus{.online = true, .paperNearEnd = true};
    s.camera = platform::CameraStatus{platform::CameraStatus::State::Running, ""};
    s.scanners = {platform::CameraStatus{platform::CameraStatus::State::Running, ""},
                  platform::CameraStatus{platform::CameraStatus::State::Missing, "unplugged"}};
    return s;
}

app::KioskFacts facts() {
    app::KioskFacts f;
    f.kioskId = "kiosk-tamky-01";
    f.version = "0.1.0";
    f.starts = 7;
    f.uncleanExits = 2;
    return f;
}

// "name{labels}" -> value, for every sample line; fails the test on a line that is neither a sample
// nor a HELP/TYPE comment.
std::map<std::string, double> samples(const std::string& text) {
    static const std::regex sample(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})?) (-?[0-9.e+]+|\+Inf)$)");
    static const std::regex comment(R"(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$)");
    std::map<std::string, double> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, sample)) {
            out[m[1]] = std::stod(m[3]);
        } else {
            EXPECT_TRUE(std::regex_match(line, comment)) << "not exposition format: " << line;
        }
    }
    return out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// sent_at is at the office's offset (office.time_zone), the same as a rating's rated_at, not a fixed
// +07:00: a fleet dashboard reading both sees one clock.
TEST(HealthReportTest, TheHeartbeatIsSentAtTheOfficeOffset) {
    app::KioskFacts f = facts();
    f.zone = core::TimeZone::fixed("Test/Plus0530", std::chrono::minutes{330});
    const core::Heartbeat hb = app::buildHeartbeat(busySnapshot(), f, kNow);
    EXPECT_EQ(hb.sentAt.offset, std::chrono::minutes{330});
    EXPECT_EQ(hb.sentAt.utc, std::chrono::time_point_cast<std::chrono::seconds>(kNow));
    EXPECT_NE(core::buildHeartbeatJson(hb).find("+05:30"), std::string::npos) << core::buildHeartbeatJson(hb);
}

TEST(HealthReportTest, TheHeartbeatCarriesStatesAndCounters) {
    const core::Heartbeat hb = app::buildHeartbeat(busySnapshot(), facts(), kNow);
    EXPECT_EQ(hb.kioskId, "kiosk-tamky-01");
    EXPECT_EQ(hb.version, "0.1.0");
    EXPECT_EQ(hb.uptimeSeconds, 3600);
    EXPECT_EQ(hb.sentAt.offset, std::chrono::minutes{420});  // the default zone, Asia/Ho_Chi_Minh
    EXPECT_EQ(hb.sentAt.utc, std::chrono::time_point_cast<std::chrono::seconds>(kNow));
    std::map<std::string, std::string> states(hb.states.begin(), hb.states.end());
    EXPECT_EQ(states["printer"], "ok");
    EXPECT_EQ(states["paper"], "near_end");
    EXPECT_EQ(states["camera"], "running");
    EXPECT_EQ(states["scanner"], "missing");  // the worst of the two
    EXPECT_EQ(states["backend"], "timeout");
    EXPECT_EQ(states["outbox"], "durable");
    EXPECT_EQ(states["last_errors"], "printer:paper_out,backend:timeout");  // newest first
    std::map<std::string, std::int64_t> counters(hb.counters.begin(), hb.counters.end());
    EXPECT_EQ(counters["lookups_ok"], 2);
    EXPECT_EQ(counters["lookups_not_found"], 1);
    EXPECT_EQ(counters["lookups_failed"], 1);
    EXPECT_EQ(counters["scans_camera"], 1);
    EXPECT_EQ(counters["scans_keyboard"], 1);
    EXPECT_EQ(counters["prints_ok"], 1);
    EXPECT_EQ(counters["prints_failed"], 1);
    EXPECT_EQ(counters["outbox_depth"], 3);
    EXPECT_EQ(counters["outbox_dropped"], 2);
    EXPECT_EQ(counters["starts"], 7);
    EXPECT_EQ(counters["unclean_exits"], 2);
    EXPECT_EQ(counters["backend_rtt_ms"], 30);  // the last answered call (the timeout got no answer)
    // The contract's JSON: states are strings, counters integers.
    const std::string json = core::buildHeartbeatJson(hb);
    EXPECT_NE(json.find(R"("paper":"near_end")"), std::string::npos) << json;
    EXPECT_NE(json.find(R"("outbox_depth":3)"), std::string::npos) << json;
}

TEST(HealthReportTest, PaperAndPrinterStatesFollowThePrinter) {
    app::HealthSnapshot s;
    EXPECT_EQ(app::paperState(s), "none");
    EXPECT_EQ(app::printerState(s), "none");
    s.printerConfigured = true;
    EXPECT_EQ(app::paperState(s), "unknown");
    s.lastPrintFailure = core::PrintFailure::PaperOut;  // a one-way printer ran out during a job
    EXPECT_EQ(app::paperState(s), "out");
    s.printerStatus = platform::PrinterStatus{.online = false, .paperNearEnd = true, .paperOut = true};
    EXPECT_EQ(app::paperState(s), "out");
    EXPECT_EQ(app::printerState(s), "offline");
    s.printerStatus = platform::PrinterStatus{.coverOpen = true};
    EXPECT_EQ(app::printerState(s), "cover_open");
    EXPECT_EQ(app::paperState(s), "ok");
}

TEST(HealthReportTest, MetricsAreValidExpositionWithTheFiguresOfTheSnapshot) {
    app::FrameTimes frames;
    for (double ms : {3.0, 12.0, 12.0, 40.0, 2000.0}) frames.record(ms);
    const std::string text = app::renderMetrics(busySnapshot(), facts(), frames.snapshot(), kNow);
    const auto s = samples(text);
    EXPECT_EQ(s.at(R"(kiosk_build_info{version="0.1.0"})"), 1);
    EXPECT_EQ(s.at("kiosk_starts_total"), 7);
    EXPECT_EQ(s.at("kiosk_unclean_exits_total"), 2);
    EXPECT_EQ(s.at(R"(kiosk_lookups_total{outcome="ok"})"), 2);
    EXPECT_EQ(s.at(R"(kiosk_lookups_total{outcome="not_found"})"), 1);
    EXPECT_EQ(s.at(R"(kiosk_lookups_total{outcome="timeout"})"), 1);
    // Histogram buckets are cumulative; +Inf equals the count.
    EXPECT_EQ(s.at(R"(kiosk_lookup_duration_seconds_bucket{le="0.025"})"), 0);
    EXPECT_EQ(s.at(R"(kiosk_lookup_duration_seconds_bucket{le="0.05"})"), 2);   // 40 ms, 30 ms
    EXPECT_EQ(s.at(R"(kiosk_lookup_duration_seconds_bucket{le="0.1"})"), 3);    // + 90 ms
    EXPECT_EQ(s.at(R"(kiosk_lookup_duration_seconds_bucket{le="+Inf"})"), 4);
    EXPECT_EQ(s.at("kiosk_lookup_duration_seconds_count"), 4);
    EXPECT_DOUBLE_EQ(s.at("kiosk_lookup_duration_seconds_sum"), 5.16);
    EXPECT_EQ(s.at(R"(kiosk_scans_total{source="camera"})"), 1);
    EXPECT_EQ(s.at(R"(kiosk_prints_total{outcome="paper_out"})"), 1);
    EXPECT_EQ(s.at(R"(kiosk_paper_state{state="near_end"})"), 1);
    EXPECT_EQ(s.at(R"(kiosk_paper_state{state="ok"})"), 0);
    EXPECT_EQ(s.at(R"(kiosk_printer_state{state="ok"})"), 1);
    EXPECT_EQ(s.at(R"(kiosk_scanner_state{state="missing"})"), 1);
    EXPECT_EQ(s.at("kiosk_outbox_depth"), 3);
    EXPECT_EQ(s.at("kiosk_outbox_dropped_total"), 2);
    EXPECT_EQ(s.at("kiosk_backend_reachable"), 0);  // the last call timed out
    EXPECT_EQ(s.at(R"(kiosk_frame_duration_seconds_bucket{le="0.016"})"), 3);
    EXPECT_EQ(s.at(R"(kiosk_frame_duration_seconds_bucket{le="+Inf"})"), 5);
    EXPECT_DOUBLE_EQ(s.at("kiosk_metrics_written_time_seconds"), 1'800'000'000);
}

TEST(HealthReportTest, LabelValuesAreEscaped) {
    app::KioskFacts f = facts();
    f.version = "1.0\"evil\\\n";
    const std::string text = app::renderMetrics(app::HealthSnapshot{}, f, {}, kNow);
    EXPECT_NE(text.find(R"(kiosk_build_info{version="1.0\"evil\\\n"} 1)"), std::string::npos) << text;
}

// The alert rules and the dashboard (packaging/monitoring) may only name metrics the kiosk writes.
TEST(HealthReportTest, MonitoringFilesNameOnlyMetricsTheKioskWrites) {
    const std::string text = app::renderMetrics(busySnapshot(), facts(), {}, kNow);
    std::set<std::string> written;
    static const std::regex type(R"(# TYPE (\S+) (\S+))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), type); it != std::sregex_iterator(); ++it) {
        written.insert((*it)[1]);
        if ((*it)[2] == "histogram") {
            for (const char* suffix : {"_bucket", "_sum", "_count"}) written.insert((*it)[1].str() + suffix);
        }
    }
    for (const char* file : {"/monitoring/kiosk-alerts.yml", "/monitoring/kiosk-fleet-dashboard.json"}) {
        const std::string content = readFile(std::string(KIOSK_PACKAGING_DIR) + file);
        ASSERT_FALSE(content.empty()) << file;
        static const std::regex name(R"(\bkiosk_[a-z_]+)");
        int named = 0;
        for (auto it = std::sregex_iterator(content.begin(), content.end(), name); it != std::sregex_iterator(); ++it) {
            const std::string metric = (*it)[0];
            if (metric == "kiosk_fleet") continue;  // the dashboard's uid, not a metric
            ++named;
            EXPECT_TRUE(written.contains(metric)) << file << " names " << metric << ", which the kiosk does not write";
        }
        EXPECT_GT(named, 5) << file;
    }
}
