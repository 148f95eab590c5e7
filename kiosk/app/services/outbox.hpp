#pragma once
// Outbox: messages for the backend that must survive the network, a crash and a power cut: citizens'
// ratings and the kiosk's heartbeats. One SQLite database in WAL mode (operations.data_dir/outbox.db),
// committed with synchronous=FULL before the caller is told "queued", so a rating the citizen was
// thanked for is on disk. OutboxDelivery (outbox_delivery.hpp) sends the messages, oldest first, and
// removes each one only after the backend accepted it; every message carries its idempotency key, so
// a delivery repeated after a crash is stored once by the backend.
//
// Policy (docs/operations.md, "Outbox"):
//   - at most `maxMessages`; when full, the oldest message is dropped to make room (logged, counted);
//   - a heartbeat replaces any heartbeat still waiting (only the newest state matters);
//   - a database that cannot be used (corrupt, not a database, locked by another process, a newer
//     schema) is renamed to outbox.db.broken-<time> with a log line and a new one is started;
//   - when the data folder cannot be written at all, the outbox lives in memory (not durable; logged,
//     and reported as the error kind "outbox_not_durable").
// Thread-safe: the task worker enqueues, the delivery worker takes and removes, the reporter counts.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"

namespace kiosk::app {

/// What a message is; it decides the endpoint and the replacement rule.
enum class MessageKind { Rating, Heartbeat };

/// "rating" or "heartbeat" (as stored, logged and counted).
std::string_view toString(MessageKind kind);

/// The endpoint a kind is POSTed to ("/api/v1/ratings", "/api/v1/heartbeats").
std::string_view endpointOf(MessageKind kind);

struct OutboxMessage {
    std::int64_t id = 0;
    MessageKind kind = MessageKind::Rating;
    std::string idempotencyKey;
    std::string body;  ///< the JSON body, built when the message was queued
    std::chrono::system_clock::time_point createdAt{};
    int attempts = 0;  ///< deliveries tried so far (across restarts)
};

/// What opening found, for the log, the metrics and the heartbeat.
struct OutboxOpening {
    bool durable = true;             ///< false: the outbox lives in memory (the folder is unusable)
    std::string movedAside;          ///< the path an unusable database was renamed to, if any
    std::uint64_t starts = 0;        ///< kiosk starts recorded in this database, this one included
    std::uint64_t uncleanExits = 0;  ///< starts that found the previous run had not stopped cleanly
    bool previousRunUnclean = false;
};

class Outbox {
public:
    /// Opens (or creates) the outbox at `file`, moving an unusable database aside, falling back to memory
    /// when the folder cannot be written. Never fails: opening() says what happened. Records this start.
    /// @param file        e.g. /var/lib/kiosk/outbox.db (its folder is created when missing)
    /// @param maxMessages the bound (operations.outbox_max_messages)
    Outbox(std::filesystem::path file, std::size_t maxMessages);
    /// Opens an existing outbox for an operator's tool (`kiosk outbox`) beside a kiosk that may be
    /// running: no start is recorded, nothing is moved aside, nothing falls back to memory.
    /// @return the outbox, or an Io error saying why it cannot be used (the kiosk will move it aside)
    static core::Result<std::unique_ptr<Outbox>> openForTool(std::filesystem::path file);
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    [[nodiscard]] const OutboxOpening& opening() const { return m_opening; }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

    /// Queues one message, committed before it returns. A key already queued is not queued again.
    /// @return how many older messages were dropped to make room (the bound), or an error (the message
    ///         is not queued: the disk failed twice, the second time on a fresh database)
    core::Result<std::size_t> enqueue(MessageKind kind, std::string_view idempotencyKey, std::string_view body);

    /// The oldest message, if any.
    std::optional<OutboxMessage> oldest();
    /// The backend took message `id` (or refused it for good): it is deleted.
    void remove(std::int64_t id);
    /// One more delivery attempt of `id` was made (kept across restarts, for the log).
    void noteAttempt(std::int64_t id);
    /// Messages waiting.
    std::size_t depth();

    /// The kiosk stops cleanly: the next start will not count an unclean exit.
    void markCleanStop();

    /// Messages waiting, per kind, and when the oldest was queued (operators' view).
    struct Summary {
        std::size_t ratings = 0;
        std::size_t heartbeats = 0;
        std::optional<std::chrono::system_clock::time_point> oldest;
    };
    Summary summary();

private:
    struct ToolTag {};
    Outbox(ToolTag, std::filesystem::path file);
    enum class OpenResult { Ok, Unusable, CannotCreate };
    OpenResult openFile(std::string& why);
    void moveAside(const std::string& why);
    void openInMemory(const std::string& why);
    void recordStart();
    bool exec(const char* sql);
    core::Result<std::size_t> enqueueLocked(MessageKind kind, std::string_view key, std::string_view body);
    void close();

    std::filesystem::path m_file;
    std::size_t m_maxMessages;
    OutboxOpening m_opening;
    std::mutex m_mutex;
    sqlite3* m_db = nullptr;       // guarded by m_mutex
    int m_lastError = SQLITE_OK;   // the last failed enqueue's SQLite code; guarded by m_mutex
};

}  // namespace kiosk::app
