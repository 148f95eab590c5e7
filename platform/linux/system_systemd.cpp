// systemd backend of platform/system.hpp: sd_notify for the service manager, sd_journal_send for the log.
#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/base_sink.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#define SD_JOURNAL_SUPPRESS_LOCATION  // CODE_* come from the log call, not from this file
#include <systemd/sd-journal.h>

#include <charconv>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/system.hpp"

namespace platform {
namespace {

// WATCHDOG_USEC is meant for the unit's main process (WATCHDOG_PID). Under the kiosk session that is
// cage, and the kiosk is its only client: the kiosk's frame loop is what must prove it is alive, so it
// takes the watchdog when WATCHDOG_PID names itself or its parent (sd_watchdog_enabled() would refuse
// the parent's). The unit sets NotifyAccess=all so the child's pings count (packaging/systemd).
std::optional<std::chrono::microseconds> watchdogFromEnvironment() {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in the kiosk calls setenv
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (usec == nullptr) return std::nullopt;
    std::uint64_t value = 0;
    const std::string_view text{usec};
    if (std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc{} || value == 0) {
        return std::nullopt;
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in the kiosk calls setenv
    if (const char* pid = std::getenv("WATCHDOG_PID"); pid != nullptr) {
        long owner = 0;
        const std::string_view p{pid};
        if (std::from_chars(p.data(), p.data() + p.size(), owner).ec != std::errc{}) return std::nullopt;
        if (owner != static_cast<long>(getpid()) && owner != static_cast<long>(getppid())) return std::nullopt;
    }
    return std::chrono::microseconds{value};
}

class SystemdNotifier final : public SystemNotifier {
public:
    SystemdNotifier() : m_watchdog(watchdogFromEnvironment()) {}
    void ready() override { sd_notify(0, "READY=1"); }
    void watchdog() override { sd_notify(0, "WATCHDOG=1"); }
    void stopping() override { sd_notify(0, "STOPPING=1"); }
    void status(std::string_view text) override {
        const std::string line = "STATUS=" + std::string{text};
        sd_notify(0, line.c_str());
    }
    [[nodiscard]] std::optional<std::chrono::microseconds> watchdogInterval() const override { return m_watchdog; }

private:
    std::optional<std::chrono::microseconds> m_watchdog;
};

// spdlog's own systemd_sink sends MESSAGE, PRIORITY and SYSLOG_IDENTIFIER only; this one adds the
// thread, the level's own name (trace and debug share a syslog priority) and the caller's fields, so
// `journalctl -t kiosk -p warning` and `journalctl KIOSK_LEVEL=trace` both work.
class JournalSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    JournalSink(std::string identifier, const JournalFields& fields) : m_identifier(std::move(identifier)) {
        for (const auto& [name, value] : fields) m_fields.push_back(name + "=" + value);
    }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        const spdlog::string_view_t level = spdlog::level::to_string_view(msg.level);
        std::vector<std::string> lines;
        lines.reserve(8 + m_fields.size());
        lines.push_back("MESSAGE=" + std::string(msg.payload.data(), msg.payload.size()));
        lines.push_back("PRIORITY=" + std::to_string(priority(msg.level)));
        lines.push_back("SYSLOG_IDENTIFIER=" + m_identifier);
        lines.push_back("TID=" + std::to_string(msg.thread_id));
        lines.push_back("KIOSK_LEVEL=" + std::string(level.data(), level.size()));
        if (!msg.source.empty()) {
            lines.push_back(std::string("CODE_FILE=") + msg.source.filename);
            lines.push_back("CODE_LINE=" + std::to_string(msg.source.line));
            lines.push_back(std::string("CODE_FUNC=") + msg.source.funcname);
        }
        lines.insert(lines.end(), m_fields.begin(), m_fields.end());
        std::vector<iovec> iov;
        iov.reserve(lines.size());
        for (std::string& line : lines) iov.push_back(iovec{line.data(), line.size()});
        sd_journal_sendv(iov.data(), static_cast<int>(iov.size()));  // a lost line is not worth a crash
    }
    void flush_() override {}

private:
    static int priority(spdlog::level::level_enum level) {
        switch (level) {
            case spdlog::level::trace:
            case spdlog::level::debug: return 7;  // LOG_DEBUG
            case spdlog::level::info: return 6;   // LOG_INFO
            case spdlog::level::warn: return 4;   // LOG_WARNING
            case spdlog::level::err: return 3;    // LOG_ERR
            case spdlog::level::critical: return 2;  // LOG_CRIT
            default: return 6;
        }
    }

    std::string m_identifier;
    std::vector<std::string> m_fields;
};

// systemd sets JOURNAL_STREAM=DEV:INODE when it connects stdout/stderr to the journal; stderr still
// being that stream means nobody redirected it (a shell, a test) and the journal is the log.
bool stderrIsJournal() {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in the kiosk calls setenv
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) return false;
    struct stat st {};
    if (fstat(STDERR_FILENO, &st) != 0) return false;
    const std::string expected = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    return expected == stream;
}

}  // namespace

std::unique_ptr<SystemNotifier> makeSystemNotifier() { return std::make_unique<SystemdNotifier>(); }

std::shared_ptr<spdlog::sinks::sink> makeJournalSink(std::string_view identifier, const JournalFields& fields) {
    if (!stderrIsJournal()) return nullptr;
    return std::make_shared<JournalSink>(std::string{identifier}, fields);
}

}  // namespace platform
