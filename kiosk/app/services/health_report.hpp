#pragma once
// The kiosk's health as the fleet sees it, built from one HealthSnapshot (health_board.hpp) so the
// heartbeat, the metrics file and the staff page cannot disagree:
//   buildHeartbeat  the body of POST /api/v1/heartbeats (docs/api/openapi.yaml): states and counters
//   renderMetrics   Prometheus text format for node_exporter's textfile collector (docs/operations.md
//                   lists every metric and the alerts built on them)
// Pure functions of their arguments: kinds, states and counts only, never personal data.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/app/services/frame_times.hpp"
#include "kiosk/app/services/health_board.hpp"
#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/dossier/time_zone.hpp"

namespace kiosk::app {

/// What the kiosk knows about itself besides the health board.
struct KioskFacts {
    std::string kioskId;             ///< the name the fleet knows the kiosk by (heartbeat kiosk_id)
    std::string version;             ///< the kiosk's version (build info)
    std::uint64_t starts = 0;        ///< starts recorded in the outbox, this one included
    std::uint64_t uncleanExits = 0;  ///< earlier runs that ended without a clean stop (crash, kill, watchdog)
    bool outboxDurable = true;       ///< false: the outbox lives in memory
    core::TimeZone zone;             ///< office.time_zone: the heartbeat's sent_at carries its offset
};

/// State names shared by the heartbeat and the metrics (stable, lower case).
std::string_view printerState(const HealthSnapshot& health);  ///< none, unknown, ok, offline, cover_open, error
std::string_view paperState(const HealthSnapshot& health);    ///< none, unknown, ok, near_end, out
std::string_view cameraState(const HealthSnapshot& health);   ///< none, or the camera's state name
std::string_view scannerState(const HealthSnapshot& health);  ///< none, or the worst configured scanner's state
std::string_view backendState(const HealthSnapshot& health);  ///< unknown, ok, or the last error kind

/// The heartbeat for `health` at `now`.
core::Heartbeat buildHeartbeat(const HealthSnapshot& health, const KioskFacts& facts,
                               std::chrono::system_clock::time_point now);

/// The metrics file's text (Prometheus exposition format 0.0.4) for `health` and `frames` at `now`.
std::string renderMetrics(const HealthSnapshot& health, const KioskFacts& facts, const FrameTimes::Snapshot& frames,
                          std::chrono::system_clock::time_point now);

}  // namespace kiosk::app
