// The heartbeat and the metrics file from one HealthSnapshot. Index: [SECTION] states,
// [SECTION] heartbeat, [SECTION] metrics.
#include "kiosk/app/services/health_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <set>

namespace kiosk::app {

//-----------------------------------------------------------------------------
// [SECTION] states
//-----------------------------------------------------------------------------

std::string_view printerState(const HealthSnapshot& h) {
    if (!h.printerConfigured) return "none";
    if (!h.printerStatus) return "unknown";
    const platform::PrinterStatus& s = *h.printerStatus;
    if (!s.online) return "offline";
    if (s.coverOpen) return "cover_open";
    if (s.error) return "error";
    return "ok";
}

std::string_view paperState(const HealthSnapshot& h) {
    if (!h.printerConfigured) return "none";
    if (!h.printerStatus) {
        // One-way printers report no status; a job that ran out of paper says as much.
        return h.lastPrintFailure == core::PrintFailure::PaperOut ? "out" : "unknown";
    }
    if (h.printerStatus->paperOut) return "out";
    if (h.printerStatus->paperNearEnd) return "near_end";
    return "ok";
}

std::string_view cameraState(const HealthSnapshot& h) {
    return h.camera ? std::string_view{platform::toString(h.camera->state)} : std::string_view{"none"};
}

std::string_view scannerState(const HealthSnapshot& h) {
    if (h.scanners.empty()) return "none";
    using State = platform::CameraStatus::State;
    // Worst first: one failed scanner is what staff must hear about.
    for (const State worst : {State::Failed, State::Missing, State::Stopped, State::Starting}) {
        for (const auto& s : h.scanners) {
            if (s.state == worst) return platform::toString(worst);
        }
    }
    return platform::toString(State::Running);
}

std::string_view backendState(const HealthSnapshot& h) {
    if (h.lastBackendError) return core::toString(*h.lastBackendError);
    return h.lastBackendContact ? "ok" : "unknown";
}

namespace {

std::uint64_t lookupFailures(const HealthSnapshot& h) {
    return std::accumulate(h.lookupFailures.begin(), h.lookupFailures.end(), std::uint64_t{0});
}

std::uint64_t printFailures(const HealthSnapshot& h) {
    return std::accumulate(h.printFailures.begin(), h.printFailures.end(), std::uint64_t{0});
}

double unixSeconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration<double>(t.time_since_epoch()).count();
}

// "backend:offline,printer:paper_out": the distinct kinds of the recent errors, newest first.
std::string lastErrorKinds(const HealthSnapshot& h, std::size_t most) {
    std::string out;
    std::set<std::string> seen;
    for (auto it = h.recentErrors.rbegin(); it != h.recentErrors.rend() && seen.size() < most; ++it) {
        std::string item = std::string(toString(it->area)) + ":" + it->kind;
        if (!seen.insert(item).second) continue;
        if (!out.empty()) out += ",";
        out += item;
    }
    return out;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] heartbeat
//-----------------------------------------------------------------------------

core::Heartbeat buildHeartbeat(const HealthSnapshot& h, const KioskFacts& facts,
                               std::chrono::system_clock::time_point now) {
    core::Heartbeat hb;
    hb.kioskId = facts.kioskId;
    hb.version = facts.version;
    // At the office's offset, like a rating's rated_at: the contract wants an offset, never a zone name.
    hb.sentAt = facts.zone.at(std::chrono::time_point_cast<std::chrono::seconds>(now));
    hb.uptimeSeconds = std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(now - h.startedAt).count());
    hb.states = {
        {"camera", std::string(cameraState(h))},
        {"scanner", std::string(scannerState(h))},
        {"printer", std::string(printerState(h))},
        {"paper", std::string(paperState(h))},
        {"backend", std::string(backendState(h))},
        {"token", h.tokenAccepted ? "accepted" : "refused"},
        {"outbox", facts.outboxDurable ? "durable" : "memory"},
        {"last_errors", lastErrorKinds(h, 5)},
    };
    auto count = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
    hb.counters = {
        {"lookups_ok", count(h.lookupsOk)},
        {"lookups_not_found", count(h.lookupsNotFound)},
        {"lookups_failed", count(lookupFailures(h))},
        {"scans_camera", count(h.scans[static_cast<std::size_t>(ScanChannel::Camera)])},
        {"scans_scanner", count(h.scans[static_cast<std::size_t>(ScanChannel::Scanner)])},
        {"scans_keyboard", count(h.scans[static_cast<std::size_t>(ScanChannel::Keyboard)])},
        {"prints_ok", count(h.printsOk)},
        {"prints_failed", count(printFailures(h))},
        {"outbox_depth", count(h.outboxDepth)},
        {"outbox_dropped", count(h.outboxDropped)},
        {"starts", count(facts.starts)},
        {"unclean_exits", count(facts.uncleanExits)},
    };
    if (h.lastRoundTripMs) hb.counters.emplace_back("backend_rtt_ms", static_cast<std::int64_t>(*h.lastRoundTripMs));
    return hb;
}

//-----------------------------------------------------------------------------
// [SECTION] metrics
//-----------------------------------------------------------------------------

namespace {

// Label values are stable names and the version; escape anyway (\, " and newline), as the format asks.
std::string label(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

class MetricsText {
public:
    void family(std::string_view name, std::string_view type, std::string_view help) {
        m_text += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
    }
    void sample(std::string_view name, double value, std::string_view labels = {}) {
        m_text += labels.empty() ? fmt::format("{} {}\n", name, value) : fmt::format("{}{{{}}} {}\n", name, labels, value);
    }
    /// Buckets given per bucket (not cumulative), the last one +Inf.
    template <std::size_t N, std::size_t M>
    void histogram(std::string_view name, std::string_view help, const std::array<double, N>& boundsMs,
                   const std::array<std::uint64_t, M>& counts, double sumMs) {
        static_assert(M == N + 1);
        family(name, "histogram", help);
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < N; ++i) {
            cumulative += counts[i];
            sample(std::string(name) + "_bucket", static_cast<double>(cumulative), fmt::format("le=\"{}\"", boundsMs[i] / 1000.0));
        }
        cumulative += counts[N];
        sample(std::string(name) + "_bucket", static_cast<double>(cumulative), "le=\"+Inf\"");
        sample(std::string(name) + "_sum", sumMs / 1000.0);
        sample(std::string(name) + "_count", static_cast<double>(cumulative));
    }
    /// A state set: one sample per state, 1 for the current one.
    template <std::size_t N>
    void states(std::string_view name, std::string_view help, const std::array<std::string_view, N>& all,
                std::string_view current) {
        family(name, "gauge", help);
        for (const std::string_view s : all) sample(name, s == current ? 1 : 0, fmt::format("state=\"{}\"", s));
    }
    [[nodiscard]] std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

}  // namespace

std::string renderMetrics(const HealthSnapshot& h, const KioskFacts& facts, const FrameTimes::Snapshot& frames,
                          std::chrono::system_clock::time_point now) {
    MetricsText m;
    m.family("kiosk_build_info", "gauge", "The running kiosk's version (always 1).");
    m.sample("kiosk_build_info", 1, fmt::format("version=\"{}\"", label(facts.version)));
    m.family("kiosk_start_time_seconds", "gauge", "When this kiosk process started (Unix time).");
    m.sample("kiosk_start_time_seconds", unixSeconds(h.startedAt));
    m.family("kiosk_metrics_written_time_seconds", "gauge", "When this file was written (Unix time); stale = kiosk down.");
    m.sample("kiosk_metrics_written_time_seconds", unixSeconds(now));
    m.family("kiosk_starts_total", "counter", "Kiosk starts recorded on this machine (restarts included).");
    m.sample("kiosk_starts_total", static_cast<double>(facts.starts));
    m.family("kiosk_unclean_exits_total", "counter",
             "Runs that ended without a clean stop (crash, kill, watchdog), seen at the next start.");
    m.sample("kiosk_unclean_exits_total", static_cast<double>(facts.uncleanExits));

    // -- lookups
    m.family("kiosk_lookups_total", "counter", "Dossier lookups by outcome (ok, not_found, or the failure kind).");
    m.sample("kiosk_lookups_total", static_cast<double>(h.lookupsOk), "outcome=\"ok\"");
    m.sample("kiosk_lookups_total", static_cast<double>(h.lookupsNotFound), "outcome=\"not_found\"");
    for (const core::LookupErrorKind kind : core::kAllLookupErrorKinds) {
        if (kind == core::LookupErrorKind::NotFound || kind == core::LookupErrorKind::Cancelled) continue;
        m.sample("kiosk_lookups_total", static_cast<double>(h.lookupFailures[static_cast<std::size_t>(kind)]),
                 fmt::format("outcome=\"{}\"", core::toString(kind)));
    }
    m.histogram("kiosk_lookup_duration_seconds", "Time from asking the backend to its answer, per lookup.",
                kLatencyBucketsMs, h.lookupLatencyBuckets, h.lookupLatencySumMs);

    // -- backend
    const bool reachable = h.lastBackendContact.has_value() &&
                           !(h.lastBackendError && (*h.lastBackendError == core::LookupErrorKind::Offline ||
                                                    *h.lastBackendError == core::LookupErrorKind::Timeout ||
                                                    *h.lastBackendError == core::LookupErrorKind::Tls));
    m.family("kiosk_backend_reachable", "gauge", "1 when the last backend call got an answer.");
    m.sample("kiosk_backend_reachable", reachable ? 1 : 0);
    m.family("kiosk_backend_token_accepted", "gauge", "0 after the backend refused the device token (401/403).");
    m.sample("kiosk_backend_token_accepted", h.tokenAccepted ? 1 : 0);
    if (h.lastRoundTripMs) {
        m.family("kiosk_backend_round_trip_seconds", "gauge", "Round trip of the last answered backend call.");
        m.sample("kiosk_backend_round_trip_seconds", *h.lastRoundTripMs / 1000.0);
    }
    if (h.lastBackendContact) {
        m.family("kiosk_backend_last_contact_time_seconds", "gauge", "When the backend last answered (Unix time).");
        m.sample("kiosk_backend_last_contact_time_seconds", unixSeconds(*h.lastBackendContact));
    }

    // -- scanning
    m.family("kiosk_scans_total", "counter", "Codes read, by source.");
    m.sample("kiosk_scans_total", static_cast<double>(h.scans[static_cast<std::size_t>(ScanChannel::Camera)]), "source=\"camera\"");
    m.sample("kiosk_scans_total", static_cast<double>(h.scans[static_cast<std::size_t>(ScanChannel::Scanner)]), "source=\"scanner\"");
    m.sample("kiosk_scans_total", static_cast<double>(h.scans[static_cast<std::size_t>(ScanChannel::Keyboard)]), "source=\"keyboard\"");
    m.states("kiosk_camera_state", "The camera's state (none: no camera configured).",
             std::array<std::string_view, 6>{"none", "stopped", "starting", "running", "missing", "failed"}, cameraState(h));
    m.states("kiosk_scanner_state", "The worst state of the configured hardware scanners (none: none configured).",
             std::array<std::string_view, 6>{"none", "stopped", "starting", "running", "missing", "failed"}, scannerState(h));

    // -- printing
    m.family("kiosk_prints_total", "counter", "Print jobs by outcome (ok, or the failure kind).");
    m.sample("kiosk_prints_total", static_cast<double>(h.printsOk), "outcome=\"ok\"");
    for (const core::PrintFailure failure : core::kAllPrintFailures) {
        m.sample("kiosk_prints_total", static_cast<double>(h.printFailures[static_cast<std::size_t>(failure)]),
                 fmt::format("outcome=\"{}\"", core::toString(failure)));
    }
    m.states("kiosk_printer_state", "The printer's last reported state (none: no printer configured).",
             std::array<std::string_view, 6>{"none", "unknown", "ok", "offline", "cover_open", "error"}, printerState(h));
    m.states("kiosk_paper_state", "Paper in the printer (none: no printer; unknown: it cannot say).",
             std::array<std::string_view, 5>{"none", "unknown", "ok", "near_end", "out"}, paperState(h));

    // -- outbox
    m.family("kiosk_outbox_depth", "gauge", "Messages (ratings, heartbeats) waiting for the backend.");
    m.sample("kiosk_outbox_depth", static_cast<double>(h.outboxDepth));
    m.family("kiosk_outbox_dropped_total", "counter", "Messages the outbox gave up on (full, or refused by the backend).");
    m.sample("kiosk_outbox_dropped_total", static_cast<double>(h.outboxDropped));
    m.family("kiosk_outbox_durable", "gauge", "0 when the outbox lives in memory (its folder is unusable).");
    m.sample("kiosk_outbox_durable", facts.outboxDurable ? 1 : 0);

    // -- the screen
    m.histogram("kiosk_frame_duration_seconds", "Time to draw one frame of the kiosk screen, swap included.",
                kFrameBucketsMs, frames.buckets, frames.sumMs);
    return m.take();
}

}  // namespace kiosk::app
