// Outbox: the SQLite store of messages waiting for the backend. Index: [SECTION] statements,
// [SECTION] opening, [SECTION] messages.
//
// Logging rule: kinds, ids, counts and paths only; never a message body (a rating names a dossier).
#include "kiosk/app/services/outbox.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <system_error>
#include <vector>

namespace kiosk::app {

std::string_view toString(MessageKind kind) {
    switch (kind) {
        case MessageKind::Rating: return "rating";
        case MessageKind::Heartbeat: return "heartbeat";
    }
    return "rating";
}

std::string_view endpointOf(MessageKind kind) {
    switch (kind) {
        case MessageKind::Rating: return "/api/v1/ratings";
        case MessageKind::Heartbeat: return "/api/v1/heartbeats";
    }
    return "/api/v1/ratings";
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] statements
//-----------------------------------------------------------------------------

constexpr int kSchemaVersion = 1;
constexpr int kBusyTimeoutMs = 1000;  // a concurrent `kiosk outbox deliver` holds the lock for milliseconds

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS messages("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kind TEXT NOT NULL,"
    " idempotency_key TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "PRAGMA user_version = 1;";

std::optional<MessageKind> kindFromString(std::string_view text) {
    if (text == "rating") return MessageKind::Rating;
    if (text == "heartbeat") return MessageKind::Heartbeat;
    return std::nullopt;
}

/// One prepared statement, finalized on scope exit.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    [[nodiscard]] bool ok() const { return m_rc == SQLITE_OK; }
    Statement& bind(int index, std::string_view text) {
        sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int index, std::int64_t value) {
        sqlite3_bind_int64(m_stmt, index, value);
        return *this;
    }
    /// @return SQLITE_ROW, SQLITE_DONE or an error code
    int step() { return ok() ? sqlite3_step(m_stmt) : m_rc; }
    [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    [[nodiscard]] std::string text(int column) const {
        const auto* p = sqlite3_column_text(m_stmt, column);
        return p != nullptr ? std::string(reinterpret_cast<const char*>(p),
                                          static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
                            : std::string();
    }

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

/// True for errors a fresh database cures: the file is damaged, not a database, or held by another
/// process. A full disk or a folder that cannot be written is not cured by a new file.
bool freshDatabaseHelps(int rc) {
    switch (rc & 0xff) {
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_IOERR:
        case SQLITE_READONLY:
        case SQLITE_SCHEMA:
        case SQLITE_MISMATCH:
        case SQLITE_ERROR:  // e.g. a table of another shape under our name
            return true;
        default: return false;
    }
}

std::string timestampForFileName() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

std::int64_t unixSeconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] opening
//-----------------------------------------------------------------------------

Outbox::Outbox(std::filesystem::path file, std::size_t maxMessages)
    : m_file(std::move(file)), m_maxMessages(std::max<std::size_t>(1, maxMessages)) {
    std::lock_guard lock(m_mutex);
    std::string why;
    OpenResult result = openFile(why);
    if (result == OpenResult::Unusable) {
        moveAside(why);
        if (!m_opening.movedAside.empty()) result = openFile(why);
    }
    if (result != OpenResult::Ok) openInMemory(why);
    recordStart();
}

Outbox::Outbox(ToolTag, std::filesystem::path file) : m_file(std::move(file)), m_maxMessages(1) {}

core::Result<std::unique_ptr<Outbox>> Outbox::openForTool(std::filesystem::path file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return core::fail(core::ErrorKind::NotFound, "no outbox at " + file.string());
    }
    std::unique_ptr<Outbox> outbox(new Outbox(ToolTag{}, std::move(file)));
    std::lock_guard lock(outbox->m_mutex);
    std::string why;
    if (outbox->openFile(why) != OpenResult::Ok) {
        return core::fail(core::ErrorKind::Io, outbox->m_file.string() + ": " + why);
    }
    return outbox;
}

Outbox::~Outbox() {
    std::lock_guard lock(m_mutex);
    close();
}

void Outbox::close() {
    // _v2: a statement still open (a check that found the database unusable closes from inside its
    // scope) no longer keeps the connection alive forever; it is freed when that statement ends.
    if (m_db != nullptr) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool Outbox::exec(const char* sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

// Opens m_file and proves it usable: WAL on, intact, our schema (or none yet), writable now.
Outbox::OpenResult Outbox::openFile(std::string& why) {
    close();
    std::error_code ec;
    std::filesystem::create_directories(m_file.parent_path(), ec);
    if (ec) {
        why = "cannot create " + m_file.parent_path().string() + ": " + ec.message();
        return OpenResult::CannotCreate;
    }
    int rc = sqlite3_open_v2(m_file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    auto failed = [&](std::string what) {
        why = std::move(what) + ": " + (m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        const int code = m_db != nullptr ? sqlite3_extended_errcode(m_db) : rc;
        close();
        return freshDatabaseHelps(code) ? OpenResult::Unusable : OpenResult::CannotCreate;
    };
    if (rc != SQLITE_OK) return failed("cannot open");
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    // WAL: a writer never blocks the reader of the other worker, and a commit is one append. FULL: the
    // WAL is synced at every commit, so a queued rating survives a power cut, not only a crash.
    {
        Statement wal(m_db, "PRAGMA journal_mode=WAL");
        rc = wal.step();
        if (rc != SQLITE_ROW) return failed("cannot switch to WAL");
        if (wal.text(0) != "wal") {
            why = "the database refuses WAL (journal mode " + wal.text(0) + ")";
            close();
            return OpenResult::Unusable;
        }
    }
    if (!exec("PRAGMA synchronous=FULL")) return failed("cannot set synchronous");
    {
        Statement check(m_db, "PRAGMA quick_check");
        rc = check.step();
        if (rc != SQLITE_ROW) return failed("integrity check failed");
        if (check.text(0) != "ok") {
            why = "integrity check: " + check.text(0);
            close();
            return OpenResult::Unusable;
        }
    }
    {
        Statement version(m_db, "PRAGMA user_version");
        if (version.step() != SQLITE_ROW) return failed("cannot read the schema version");
        if (version.integer(0) > kSchemaVersion) {
            why = "schema version " + std::to_string(version.integer(0)) + " is newer than this kiosk's";
            close();
            return OpenResult::Unusable;
        }
    }
    // A write transaction now: a database another process holds locked fails here, after the busy
    // timeout, rather than at the first rating.
    if (!exec("BEGIN IMMEDIATE")) return failed("cannot write");
    if (!exec(kSchema)) {
        exec("ROLLBACK");
        return failed("cannot create the tables");
    }
    {
        Statement shape(m_db, "SELECT id, kind, idempotency_key, body, created_at, attempts FROM messages LIMIT 0");
        if (!shape.ok()) {
            exec("ROLLBACK");
            return failed("the messages table has another shape");
        }
    }
    if (!exec("COMMIT")) return failed("cannot commit");
    return OpenResult::Ok;
}

// Renames the database (and its WAL and shared-memory files, which belong to it) out of the way.
void Outbox::moveAside(const std::string& why) {
    close();
    const std::string target = m_file.string() + ".broken-" + timestampForFileName();
    std::error_code ec;
    std::filesystem::rename(m_file, target, ec);
    if (ec && std::filesystem::exists(m_file)) {
        spdlog::error("outbox {} is unusable ({}) and cannot be moved aside: {}", m_file.string(), why, ec.message());
        return;
    }
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const std::filesystem::path side = m_file.string() + suffix;
        if (std::filesystem::exists(side, ec)) std::filesystem::rename(side, target + suffix, ec);
    }
    m_opening.movedAside = target;
    spdlog::warn("outbox {} is unusable ({}); moved aside to {}; starting a new one", m_file.string(), why, target);
}

void Outbox::openInMemory(const std::string& why) {
    close();
    m_opening.durable = false;
    spdlog::error("outbox {}: {}; keeping messages in memory until the kiosk stops (not durable)", m_file.string(),
                  why);
    if (sqlite3_open(":memory:", &m_db) != SQLITE_OK || !exec(kSchema)) {
        spdlog::critical("outbox: even an in-memory database failed: {}", m_db != nullptr ? sqlite3_errmsg(m_db) : "?");
    }
}

// Counts this start, and the previous run's end when it was not a clean stop (crash, kill, watchdog).
void Outbox::recordStart() {
    if (m_db == nullptr) return;
    exec("BEGIN IMMEDIATE");
    exec("INSERT INTO meta(name, value) VALUES('starts', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1");
    {
        Statement running(m_db, "SELECT value FROM meta WHERE name = 'running'");
        m_opening.previousRunUnclean = running.step() == SQLITE_ROW && running.integer(0) != 0;
    }
    if (m_opening.previousRunUnclean) {
        exec("INSERT INTO meta(name, value) VALUES('unclean_exits', 1) "
             "ON CONFLICT(name) DO UPDATE SET value = value + 1");
    }
    exec("INSERT INTO meta(name, value) VALUES('running', 1) ON CONFLICT(name) DO UPDATE SET value = 1");
    exec("COMMIT");
    Statement counts(m_db, "SELECT name, value FROM meta WHERE name IN ('starts', 'unclean_exits')");
    while (counts.step() == SQLITE_ROW) {
        (counts.text(0) == "starts" ? m_opening.starts : m_opening.uncleanExits) =
            static_cast<std::uint64_t>(counts.integer(1));
    }
}

void Outbox::markCleanStop() {
    std::lock_guard lock(m_mutex);
    if (m_db != nullptr) exec("UPDATE meta SET value = 0 WHERE name = 'running'");
}

//-----------------------------------------------------------------------------
// [SECTION] messages
//-----------------------------------------------------------------------------

core::Result<std::size_t> Outbox::enqueue(MessageKind kind, std::string_view idempotencyKey, std::string_view body) {
    std::lock_guard lock(m_mutex);
    auto queued = enqueueLocked(kind, idempotencyKey, body);
    if (queued || !m_opening.durable) return queued;
    // The database failed under us (damaged on disk, deleted, locked for longer than the busy
    // timeout): a new database for this message and the ones after it.
    if (!freshDatabaseHelps(m_lastError)) return queued;
    moveAside(queued.error().message);
    std::string why;
    if (m_opening.movedAside.empty() || openFile(why) != OpenResult::Ok) {
        openInMemory(why.empty() ? queued.error().message : why);
    }
    return enqueueLocked(kind, idempotencyKey, body);
}

core::Result<std::size_t> Outbox::enqueueLocked(MessageKind kind, std::string_view key, std::string_view body) {
    if (m_db == nullptr) return core::fail(core::ErrorKind::Io, "outbox: no database");
    auto failure = [&](const char* what) {
        m_lastError = sqlite3_extended_errcode(m_db);  // before ROLLBACK resets it
        std::string message = std::string{"outbox: "} + what + ": " + sqlite3_errmsg(m_db);
        exec("ROLLBACK");
        return core::fail(core::ErrorKind::Io, std::move(message));
    };
    if (!exec("BEGIN IMMEDIATE")) {
        m_lastError = sqlite3_extended_errcode(m_db);
        return core::fail(core::ErrorKind::Io, std::string{"outbox: cannot write: "} + sqlite3_errmsg(m_db));
    }
    if (kind == MessageKind::Heartbeat && !exec("DELETE FROM messages WHERE kind = 'heartbeat'")) {
        return failure("cannot replace the waiting heartbeat");
    }
    {
        Statement insert(m_db,
                         "INSERT OR IGNORE INTO messages(kind, idempotency_key, body, created_at) VALUES(?, ?, ?, ?)");
        insert.bind(1, toString(kind)).bind(2, key).bind(3, body).bind(4, unixSeconds(std::chrono::system_clock::now()));
        if (insert.step() != SQLITE_DONE) return failure("cannot insert");
    }
    std::size_t dropped = 0;
    {
        Statement count(m_db, "SELECT COUNT(*) FROM messages");
        if (count.step() != SQLITE_ROW) return failure("cannot count");
        const auto depth = static_cast<std::size_t>(count.integer(0));
        if (depth > m_maxMessages) {
            Statement drop(m_db, "DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT ?)");
            drop.bind(1, static_cast<std::int64_t>(depth - m_maxMessages));
            if (drop.step() != SQLITE_DONE) return failure("cannot drop the oldest");
            dropped = depth - m_maxMessages;
        }
    }
    if (!exec("COMMIT")) return failure("cannot commit");
    return dropped;
}

std::optional<OutboxMessage> Outbox::oldest() {
    std::lock_guard lock(m_mutex);
    if (m_db == nullptr) return std::nullopt;
    Statement select(m_db,
                     "SELECT id, kind, idempotency_key, body, created_at, attempts FROM messages ORDER BY id LIMIT 1");
    const int rc = select.step();
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE) spdlog::warn("outbox: cannot read the next message: {}", sqlite3_errmsg(m_db));
        return std::nullopt;
    }
    OutboxMessage m;
    m.id = select.integer(0);
    const auto kind = kindFromString(select.text(1));
    m.idempotencyKey = select.text(2);
    m.body = select.text(3);
    m.createdAt = std::chrono::system_clock::time_point{std::chrono::seconds{select.integer(4)}};
    m.attempts = static_cast<int>(select.integer(5));
    if (!kind) {
        // Not ours to send (a hand-edited row): drop it rather than block the queue forever.
        spdlog::warn("outbox: message {} has an unknown kind; dropped", m.id);
        Statement drop(m_db, "DELETE FROM messages WHERE id = ?");
        drop.bind(1, m.id).step();
        return std::nullopt;
    }
    m.kind = *kind;
    return m;
}

void Outbox::remove(std::int64_t id) {
    std::lock_guard lock(m_mutex);
    if (m_db == nullptr) return;
    Statement drop(m_db, "DELETE FROM messages WHERE id = ?");
    if (drop.bind(1, id).step() != SQLITE_DONE) {
        // The message stays and is sent again: the backend stores it once (idempotency key).
        spdlog::warn("outbox: cannot remove delivered message {}: {}", id, sqlite3_errmsg(m_db));
    }
}

void Outbox::noteAttempt(std::int64_t id) {
    std::lock_guard lock(m_mutex);
    if (m_db == nullptr) return;
    Statement update(m_db, "UPDATE messages SET attempts = attempts + 1 WHERE id = ?");
    update.bind(1, id).step();
}

Outbox::Summary Outbox::summary() {
    std::lock_guard lock(m_mutex);
    Summary out;
    if (m_db == nullptr) return out;
    Statement counts(m_db, "SELECT kind, COUNT(*), MIN(created_at) FROM messages GROUP BY kind");
    while (counts.step() == SQLITE_ROW) {
        const auto kind = kindFromString(counts.text(0));
        const auto n = static_cast<std::size_t>(counts.integer(1));
        (kind == MessageKind::Heartbeat ? out.heartbeats : out.ratings) += n;
        const std::chrono::system_clock::time_point at{std::chrono::seconds{counts.integer(2)}};
        if (!out.oldest || at < *out.oldest) out.oldest = at;
    }
    return out;
}

std::size_t Outbox::depth() {
    std::lock_guard lock(m_mutex);
    if (m_db == nullptr) return 0;
    Statement count(m_db, "SELECT COUNT(*) FROM messages");
    return count.step() == SQLITE_ROW ? static_cast<std::size_t>(count.integer(0)) : 0;
}

}  // namespace kiosk::app
