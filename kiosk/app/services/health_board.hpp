#pragma once
// HealthBoard: what the kiosk knows about its own health, in one place. Workers record what happens
// (lookups and other backend calls, scans, prints, device errors); readers take a snapshot: the staff
// device page, the heartbeat to the backend and the Prometheus metrics file all read the same figures,
// so they cannot disagree. Kinds and times only: nothing here carries personal data. Thread-safe.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/printer/print_failure.hpp"
#include "platform/camera.hpp"
#include "platform/printer.hpp"

namespace kiosk::app {

/// Where an error was seen (for the recent-errors list).
enum class HealthArea { Backend, Printer, Camera, Scanner, Config, Outbox };

/// Stable lower-case name ("backend", ...).
std::string_view toString(HealthArea area);

/// One error, as staff and the fleet see it: where, what kind (a stable name such as "offline" or
/// "paper_out"), when.
struct HealthError {
    HealthArea area = HealthArea::Backend;
    std::string kind;
    std::chrono::system_clock::time_point at{};
};

/// How code reads arrived.
enum class ScanChannel { Camera, Scanner, Keyboard };
inline constexpr std::size_t kScanChannels = 3;

/// Upper bounds (ms) of the lookup-latency histogram buckets; the last bucket is +Inf.
inline constexpr std::array<double, 8> kLatencyBucketsMs{25, 50, 100, 150, 250, 500, 1000, 3000};

struct HealthSnapshot {
    std::chrono::system_clock::time_point startedAt{};

    // -- backend
    std::uint64_t lookupsOk = 0;
    std::uint64_t lookupsNotFound = 0;
    /// Failed lookups by LookupErrorKind (index = the enum's value); NotFound and Cancelled are not failures.
    std::array<std::uint64_t, core::kAllLookupErrorKinds.size()> lookupFailures{};
    /// Lookup latency histogram: counts per kLatencyBucketsMs bucket, then +Inf; and the sum.
    std::array<std::uint64_t, kLatencyBucketsMs.size() + 1> lookupLatencyBuckets{};
    double lookupLatencySumMs = 0.0;
    std::optional<double> lastRoundTripMs;             ///< the last backend call that got an answer
    std::optional<core::LookupErrorKind> lastBackendError;  ///< cleared by the next answered call
    std::optional<std::chrono::system_clock::time_point> lastBackendContact;
    /// Answered, and the token accepted: false after a 401 until a call succeeds again.
    bool tokenAccepted = true;

    // -- scanning and printing
    std::array<std::uint64_t, kScanChannels> scans{};
    std::uint64_t printsOk = 0;
    /// Failed prints by PrintFailure (index = the enum's value).
    std::array<std::uint64_t, core::kAllPrintFailures.size()> printFailures{};
    std::optional<core::PrintFailure> lastPrintFailure;
    std::optional<std::chrono::system_clock::time_point> lastPrintAt;

    // -- queue of messages sent later (ratings, heartbeats), once the outbox reports it
    std::size_t outboxDepth = 0;
    std::uint64_t outboxDropped = 0;   ///< messages the outbox gave up on (full, or refused by the backend)

    /// The most recent errors, newest last (at most kRecentErrors).
    std::deque<HealthError> recentErrors;

    // -- devices, read when the snapshot is taken (KioskServices::health())
    std::optional<platform::CameraStatus> camera;          ///< empty: no camera configured
    std::vector<platform::CameraStatus> scanners;          ///< the hardware scanners configured
    bool printerConfigured = false;
    std::optional<platform::PrinterStatus> printerStatus;  ///< the last status the printer gave
};

class HealthBoard {
public:
    static constexpr std::size_t kRecentErrors = 20;

    HealthBoard();

    /// A lookup ended after `ms`: answered (`failure` empty), not found, or failed. Cancelled lookups
    /// say nothing about the backend and are not counted.
    void lookupFinished(std::optional<core::LookupErrorKind> failure, double ms);
    /// Another backend call (catalog, rating, heartbeat) ended after `ms`.
    void backendCallFinished(std::optional<core::LookupErrorKind> failure, double ms);
    void scanRead(ScanChannel channel);
    /// A print job ended (`failure` empty: printed).
    void printFinished(std::optional<core::PrintFailure> failure);
    /// An error elsewhere (camera missing, outbox moved aside, ...): `kind` is a stable name.
    void errorSeen(HealthArea area, std::string_view kind);
    void setOutboxDepth(std::size_t depth);
    /// The outbox dropped `count` messages (full, or refused by the backend as invalid).
    void outboxDropped(std::size_t count);

    [[nodiscard]] HealthSnapshot snapshot() const;

private:
    void backendAnswer(std::optional<core::LookupErrorKind> failure, double ms);
    void pushError(HealthArea area, std::string kind);

    mutable std::mutex m_mutex;
    HealthSnapshot m_state;  // guarded by m_mutex
};

}  // namespace kiosk::app
