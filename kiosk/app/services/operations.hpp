#pragma once
// Operations: what a fleet needs from a kiosk besides serving citizens (docs/operations.md). It owns
//   - the outbox (outbox.hpp) under operations.data_dir, and its delivery worker (outbox_delivery.hpp);
//   - the reporter thread: a heartbeat into the outbox every operations.heartbeat_interval_s, and the
//     metrics file rewritten every operations.metrics_interval_s (health_report.hpp), both from the one
//     HealthSnapshot the staff page reads too.
// KioskServices owns it; the UI thread never calls into it (ratings are queued from the task worker).

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/services/frame_times.hpp"
#include "kiosk/app/services/health_board.hpp"
#include "kiosk/app/services/health_report.hpp"
#include "kiosk/app/services/outbox.hpp"
#include "kiosk/app/services/outbox_delivery.hpp"
#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/config/settings.hpp"

namespace kiosk::app {

/// The kiosk's version as built (KIOSK_VERSION).
std::string_view kioskVersion();

class Operations {
public:
    /// Opens the outbox (data_dir/outbox.db) and starts delivering what it holds.
    /// @param settings   loaded settings: [operations], and whether backend.url is set
    /// @param backend    the backend client; null when none is usable (ratings still queue when
    ///                   backend.url is set, e.g. with a token file to be fixed; nothing is sent)
    /// @param health     receives the outbox depth and drops; must outlive this object
    /// @param kioskId    the kiosk's name in heartbeats
    /// @param instanceId unique per process start: prefixes heartbeat idempotency keys
    /// @param zone       office.time_zone, resolved: heartbeats are sent at its offset
    Operations(const core::Settings& settings, BackendClient* backend, HealthBoard& health, std::string kioskId,
               std::string instanceId, core::TimeZone zone);
    ~Operations();  ///< stop()
    Operations(const Operations&) = delete;
    Operations& operator=(const Operations&) = delete;

    /// Queues `rating` durably: on disk when this returns (call it from a worker, never the UI thread).
    /// @return true when queued (the citizen may be thanked); false without backend.url, or when the
    ///         outbox failed even on a fresh database
    bool queueRating(const core::Rating& rating);

    /// Starts the heartbeats and the metrics file (once, after the first frame). `health` is called on
    /// the reporter thread; `frames` must outlive this object.
    void startReporting(std::function<HealthSnapshot()> health, const FrameTimes& frames);

    /// A clean stop: the reporter writes the metrics a last time, the request in flight is cancelled
    /// (its message stays queued), and the outbox records that this run ended cleanly. Idempotent.
    void stop();

    [[nodiscard]] const KioskFacts& facts() const { return m_facts; }
    [[nodiscard]] Outbox& outbox() { return *m_outbox; }

private:
    void report(std::stop_token stop);
    void writeMetrics();
    void queueHeartbeat();

    core::OperationsSettings m_settings;
    bool m_backendConfigured = false;
    HealthBoard& m_health;
    std::string m_instanceId;
    KioskFacts m_facts;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<OutboxDelivery> m_delivery;  // null without a usable backend client

    // -- the reporter (started by startReporting)
    std::function<HealthSnapshot()> m_healthOf;
    const FrameTimes* m_frames = nullptr;
    std::uint64_t m_heartbeats = 0;      // reporter thread only
    bool m_metricsFailing = false;       // reporter thread only: log a failing write once
    std::mutex m_mutex;
    std::condition_variable_any m_wake;  // with m_mutex: stop()
    std::jthread m_reporter;
    bool m_stopped = false;
};

}  // namespace kiosk::app
