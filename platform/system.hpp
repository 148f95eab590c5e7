#pragma once
// The service manager and the system log: what the kiosk tells systemd about itself, and where its log
// lines go when systemd runs it (docs/operations.md, "The session").
//
//   SystemNotifier   sd_notify: READY=1 once the first frame is drawn, WATCHDOG=1 from the frame loop
//                    (a hung UI stops the pings and systemd restarts the kiosk), STOPPING=1 on a clean stop.
//   makeJournalSink  a spdlog sink writing to journald with a priority per level and the kiosk's fields,
//                    when the process's stderr is the journal; null otherwise (then stderr is the log).
//
// Backends: linux/system_systemd.cpp (libsystemd), fake/system_fake.cpp (records the notifications in
// memory, no journal). Checklist of the linux backend:
//   [x] READY / WATCHDOG / STOPPING / STATUS through NOTIFY_SOCKET (no-ops without it)
//   [x] the watchdog interval from WATCHDOG_USEC, also for the child of the unit's main process (cage)
//   [x] journald with PRIORITY, SYSLOG_IDENTIFIER, TID, CODE_* and the caller's extra fields
//   [ ] EXTEND_TIMEOUT_USEC for slow starts (the start takes well under a second)

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spdlog::sinks {
class sink;
}

namespace platform {

/// Notifications to the service manager. Thread-safe; every call returns at once and never fails
/// (a notification nobody listens to is dropped).
class SystemNotifier {
public:
    virtual ~SystemNotifier() = default;
    /// The kiosk is up (its first frame is on screen): READY=1.
    virtual void ready() = 0;
    /// The frame loop is alive: WATCHDOG=1.
    virtual void watchdog() = 0;
    /// A clean stop has begun: STOPPING=1.
    virtual void stopping() = 0;
    /// A one-line status for `systemctl status` (STATUS=...). Never personal data.
    virtual void status(std::string_view text) = 0;
    /// How often the supervisor wants WATCHDOG=1: nullopt when no watchdog is armed.
    [[nodiscard]] virtual std::optional<std::chrono::microseconds> watchdogInterval() const = 0;
};

/// The notifier of this platform (systemd's on linux; a recorder on the fake platform).
std::unique_ptr<SystemNotifier> makeSystemNotifier();

/// Extra journal fields every line carries, e.g. {"KIOSK_VERSION", "0.1.0"} (names: A-Z, 0-9, _).
using JournalFields = std::vector<std::pair<std::string, std::string>>;

/// A log sink to the system journal, or null when the process does not log to journald (its stderr is
/// not the journal stream systemd set up, JOURNAL_STREAM) or the platform has no journal.
/// @param identifier SYSLOG_IDENTIFIER of every line ("kiosk")
/// @param fields     extra fields of every line
std::shared_ptr<spdlog::sinks::sink> makeJournalSink(std::string_view identifier, const JournalFields& fields);

}  // namespace platform
