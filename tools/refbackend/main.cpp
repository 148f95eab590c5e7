// kiosk-refbackend: the reference backend of docs/api/openapi.yaml, for development, demos and the
// integration tests. SQLite store, seeded demo dossiers, bearer-token auth and fault injection, and a
// fleet view of the kiosks' latest heartbeats (GET /fleet, /fleet.json; fleet.hpp).
// Run `kiosk-refbackend --help` for the flags and the fault grammar.
//
// Integrators copy it, so it is safe by default: it serves nothing without a device token unless told
// --open (loopback only), warns when it listens beyond loopback, and honours faults (--fault, the
// X-Fault header, the magic codes) only when started with --allow-faults.

#include <CLI/CLI.hpp>
#include <arpa/inet.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "kiosk/core/api/api_messages.hpp"
#include "tools/refbackend/catalog.hpp"
#include "tools/refbackend/enrolment.hpp"
#include "tools/refbackend/faults.hpp"
#include "tools/refbackend/fleet.hpp"
#include "tools/refbackend/seed.hpp"

namespace {

using nlohmann::json;
using refbackend::Fault;
using refbackend::ScopedFault;

std::string sha256Hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
    std::string hex;
    char buf[3];
    for (unsigned int i = 0; i < len; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", digest[i]);
        hex += buf;
    }
    return hex;
}

// One SQLite connection shared by the server's worker threads, serialised by a mutex.
class Store {
public:
    explicit Store(const std::string& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK) {
            throw std::runtime_error("cannot open database " + path + ": " + sqlite3_errmsg(m_db));
        }
        exec("PRAGMA journal_mode=WAL;"
             "CREATE TABLE IF NOT EXISTS dossiers(code TEXT PRIMARY KEY, body TEXT NOT NULL);"
             "CREATE TABLE IF NOT EXISTS tokens(token TEXT PRIMARY KEY, code TEXT NOT NULL);"
             "CREATE TABLE IF NOT EXISTS ratings(idempotency_key TEXT PRIMARY KEY, dossier_code TEXT, level TEXT,"
             " body TEXT, received_at TEXT DEFAULT CURRENT_TIMESTAMP);"
             "CREATE TABLE IF NOT EXISTS kiosks(kiosk_id TEXT PRIMARY KEY, body TEXT NOT NULL,"
             " received_at INTEGER NOT NULL);");
    }
    ~Store() { sqlite3_close(m_db); }
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    void exec(const std::string& sql) {
        std::lock_guard lock{m_mutex};
        char* err = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string message = err ? err : "?";
            sqlite3_free(err);
            throw std::runtime_error("sqlite: " + message);
        }
    }

    // Runs `sql` with text parameters; returns the first column of the first row, if any.
    std::optional<std::string> query(const std::string& sql, const std::vector<std::string>& params, int* changes = nullptr) {
        std::lock_guard lock{m_mutex};
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            throw std::runtime_error(std::string{"sqlite: "} + sqlite3_errmsg(m_db));
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
        }
        std::optional<std::string> result;
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
            result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
        if (changes) *changes = sqlite3_changes(m_db);
        return result;
    }

    // Every row of `sql` (no parameters), each column as text ("" for NULL).
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        std::lock_guard lock{m_mutex};
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            throw std::runtime_error(std::string{"sqlite: "} + sqlite3_errmsg(m_db));
        }
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                const auto* text = sqlite3_column_text(stmt, i);
                row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
        return out;
    }

private:
    sqlite3* m_db = nullptr;
    std::mutex m_mutex;
};

// True for 127.0.0.0/8, ::1 and "localhost": addresses no other machine can reach.
bool isLoopbackHost(std::string host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host == "localhost") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

// --record FILE: every exchange as one JSON line, for the contract tests (tests/integration/contract),
// which validate each answer against docs/api/openapi.yaml. The file holds what was served, names of
// the seeded dossiers included: it is a test artefact. The device token itself is never written.
class Recorder {
public:
    explicit Recorder(const std::string& path) : m_out(path, std::ios::app) {}
    [[nodiscard]] bool ok() const { return m_out.good(); }

    void write(const httplib::Request& req, const httplib::Response& res) {
        if (!req.path.starts_with("/api/")) return;  // the contract covers /api/v1; /fleet is this tool's own
        json request{{"authorization", req.has_header("Authorization")}};
        for (const char* name : {"If-None-Match", "Idempotency-Key", "Content-Type", "X-Fault"}) {
            if (req.has_header(name)) request[name] = req.get_header_value(name);
        }
        if (!req.body.empty()) request["body"] = req.body;
        json line{{"method", req.method},
                  {"path", req.path},
                  {"request", std::move(request)},
                  {"status", res.status},
                  {"content_type", res.get_header_value("Content-Type")},
                  {"headers", json::object()},
                  {"fault", res.get_header_value("X-Refbackend-Fault")},
                  {"streamed", static_cast<bool>(res.content_provider_)},
                  {"body", res.body}};
        for (const auto& [name, value] : res.headers) line["headers"][name] = value;
        const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace);
        std::lock_guard lock{m_mutex};
        m_out << text << '\n' << std::flush;
    }

private:
    std::ofstream m_out;
    std::mutex m_mutex;
};

std::sig_atomic_t g_unused = 0;

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk-refbackend: reference backend for the kiosk's API contract (docs/api/openapi.yaml)",
                 "kiosk-refbackend"};
    cli.footer(refbackend::kFaultHelp);
    std::string listen = "127.0.0.1:8080";
    std::string dbPath = ":memory:";
    bool seed = false;
    std::string token;
    bool open = false;
    bool allowFaults = false;
    std::vector<std::string> faultSpecs;
    std::string catalogPath;
    std::string tlsCert, tlsKey;
    std::string recordPath;
    cli.add_option("--listen", listen, "HOST:PORT to listen on (port 0: pick a free one)")->capture_default_str();
    cli.add_option("--db", dbPath, "SQLite database file (default: in memory)");
    cli.add_flag("--seed", seed, "(Re)create the demo dossiers and receipt tokens and print their codes");
    cli.add_option("--token", token, "Require 'Authorization: Bearer TOKEN' on every /api/v1 request (needed unless --open)");
    cli.add_flag("--open", open,
                 "Serve without a device token: anyone who can connect reads every dossier, names included. "
                 "Loopback addresses only; for local demos");
    cli.add_flag("--allow-faults", allowFaults, "Honour --fault, the X-Fault request header and the magic codes (tests)");
    cli.add_option("--fault", faultSpecs, "Inject a fault (see the grammar below; needs --allow-faults); may be repeated");
    bool noCatalog = false;
    cli.add_option("--catalog", catalogPath, "Guidance catalog JSON file (default: assets/guidance/catalog.json if present)");
    cli.add_flag("--no-catalog", noCatalog, "Serve no guidance catalog (the endpoint answers 404)");
    cli.add_option("--tls-cert", tlsCert, "Serve HTTPS with this PEM certificate (needs --tls-key)");
    cli.add_option("--tls-key", tlsKey, "PEM private key for --tls-cert");
    cli.add_option("--record", recordPath,
                   "Append every exchange to FILE as one JSON line (contract tests; holds what was served)");
    std::vector<std::string> enrolmentSpecs;
    cli.add_option("--enrolment-code", enrolmentSpecs,
                   "CODE[@SECONDS]: a one-time enrolment code for POST /api/v1/enrolments, valid SECONDS after start "
                   "(default 86400; 0 = expired); may be repeated");
    CLI11_PARSE(cli, argc, argv);
    std::vector<refbackend::EnrolmentCode> enrolmentCodes;
    for (const auto& spec : enrolmentSpecs) {
        refbackend::EnrolmentCode code;
        std::string error;
        if (!refbackend::parseEnrolmentCode(spec, code, error)) {
            std::cerr << "kiosk-refbackend: --enrolment-code " << spec << ": " << error << "\n";
            return 2;
        }
        enrolmentCodes.push_back(std::move(code));
    }
    refbackend::Enrolments enrolments{std::move(enrolmentCodes), std::chrono::steady_clock::now()};

    if (!faultSpecs.empty() && !allowFaults) {
        std::cerr << "kiosk-refbackend: --fault needs --allow-faults (faults are for tests only)\n";
        return 2;
    }
    std::vector<ScopedFault> faults;
    for (const auto& spec : faultSpecs) {
        ScopedFault sf;
        std::string error;
        if (!refbackend::parseScopedFault(spec, sf, error)) {
            std::cerr << "kiosk-refbackend: --fault " << spec << ": " << error << "\n";
            return 2;
        }
        faults.push_back(std::move(sf));
    }
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        std::cerr << "kiosk-refbackend: --listen expects HOST:PORT, got " << listen << "\n";
        return 2;
    }
    const std::string host = listen.substr(0, colon);
    int port = 0;
    try {
        port = std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535) {
        std::cerr << "kiosk-refbackend: bad port in --listen " << listen << "\n";
        return 2;
    }
    // Who may read: a device token, or --open on loopback. Full names are personal data.
    if (open && !token.empty()) {
        std::cerr << "kiosk-refbackend: --open and --token exclude each other\n";
        return 2;
    }
    if (!open && token.empty()) {
        std::cerr << "kiosk-refbackend: refusing to serve dossiers (full names included) without a device token: "
                     "pass --token TOKEN, or --open for a local demo on a loopback address\n";
        return 2;
    }
    const bool loopback = isLoopbackHost(host);
    if (open && !loopback) {
        std::cerr << "kiosk-refbackend: --open serves every dossier to anyone; it is refused on " << host
                  << " (not a loopback address): use --token TOKEN\n";
        return 2;
    }
    if (open) {
        std::cerr << "kiosk-refbackend: WARNING: --open: no device token; any program on this machine reads every "
                     "dossier, names included\n";
    }
    if (!loopback) {
        std::cerr << "kiosk-refbackend: WARNING: listening on " << host
                  << ", which other machines can reach; this is a reference tool with demo data, not a "
                     "production backend. Use a loopback address unless you mean it, and TLS (--tls-cert) "
                     "so the device token does not travel in clear text\n";
    }
    if (allowFaults) {
        std::cerr << "kiosk-refbackend: WARNING: --allow-faults: any client can make it slow or break its answers "
                     "(X-Fault header, magic codes)\n";
    }
    std::unique_ptr<Recorder> recorder;
    if (!recordPath.empty()) {
        recorder = std::make_unique<Recorder>(recordPath);
        if (!recorder->ok()) {
            std::cerr << "kiosk-refbackend: --record " << recordPath << ": cannot open for writing\n";
            return 2;
        }
    }
    if (tlsCert.empty() != tlsKey.empty()) {
        std::cerr << "kiosk-refbackend: --tls-cert and --tls-key go together\n";
        return 2;
    }

    // The catalog is served as one document (the backend form of docs/guidance-format.md): entry
    // files the bundled catalog names are read and put inline. The strong ETag is the SHA-256 of the
    // bytes served. Without a catalog file the endpoint answers 404.
    std::string catalog;
    if (noCatalog && !catalogPath.empty()) {
        std::cerr << "kiosk-refbackend: --catalog and --no-catalog exclude each other\n";
        return 2;
    }
    if (!noCatalog && catalogPath.empty() && std::ifstream{"assets/guidance/catalog.json"}) catalogPath = "assets/guidance/catalog.json";
    if (!catalogPath.empty()) {
        auto inlined = refbackend::inlineCatalog(catalogPath);
        if (!inlined) {
            std::cerr << "kiosk-refbackend: --catalog " << catalogPath << ": " << inlined.error() << "\n";
            return 2;
        }
        catalog = std::move(*inlined);
    }
    const std::string catalogEtag = "\"" + sha256Hex(catalog) + "\"";

    std::unique_ptr<Store> store;
    try {
        store = std::make_unique<Store>(dbPath);
    } catch (const std::exception& e) {
        std::cerr << "kiosk-refbackend: " << e.what() << "\n";
        return 2;
    }

    // Signals are handled by one thread with sigwait, so stop() is never called from a signal handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    std::unique_ptr<httplib::Server> server;
    if (!tlsCert.empty()) {
        auto ssl = std::make_unique<httplib::SSLServer>(tlsCert.c_str(), tlsKey.c_str());
        if (!ssl->is_valid()) {
            std::cerr << "kiosk-refbackend: cannot load --tls-cert/--tls-key\n";
            return 2;
        }
        server = std::move(ssl);
    } else {
        server = std::make_unique<httplib::Server>();
    }
    httplib::Server& svr = *server;

    // The fault for one request: none at all without --allow-faults; else the X-Fault header, a magic
    // code, then the first --fault whose scope matches.
    auto findFault = [&](const httplib::Request& req, std::string_view subject) -> std::optional<Fault> {
        if (!allowFaults) return std::nullopt;
        if (req.has_header("X-Fault")) {
            Fault f;
            std::string error;
            if (refbackend::parseFaultList(req.get_header_value("X-Fault"), f, error)) return f;
        }
        if (const std::string magic = refbackend::magicCodeFault(subject); !magic.empty()) {
            Fault f;
            std::string error;
            if (refbackend::parseFaultList(magic, f, error)) return f;
        }
        for (const auto& sf : faults) {
            if (!sf.pathPrefix.empty() && !req.path.starts_with(sf.pathPrefix)) continue;
            if (!sf.code.empty() && subject != sf.code) continue;
            return sf.fault;
        }
        return std::nullopt;
    };
    auto authorized = [&](const httplib::Request& req, httplib::Response& res) {
        const std::string authorization = req.get_header_value("Authorization");
        if (token.empty() || authorization == "Bearer " + token || enrolments.accepts(authorization)) return true;
        res.status = 401;
        res.set_header("WWW-Authenticate", "Bearer");
        res.set_content(kiosk::core::errorBodyJson("unauthorized", "missing or wrong device token"),
                        "application/json; charset=utf-8");
        return false;
    };
    auto notFound = [](std::string_view what) {
        return kiosk::core::errorBodyJson("not_found", std::string{what} + " not found");
    };

    svr.Get(R"(/api/v1/dossiers/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const std::string code = req.matches[1];
        const Fault f = findFault(req, code).value_or(Fault{});
        auto body = store->query("SELECT body FROM dossiers WHERE code = ?", {code});
        if (!body && allowFaults && !refbackend::magicCodeFault(code).empty()) {
            // Magic fault codes answer with a valid dossier, which the fault then spoils.
            body = json{{"code", code}, {"status", 4}, {"procedure", {{"name", "Thủ tục thử lỗi"}}}}.dump();
        }
        if (body) refbackend::applyAndSend(res, 200, *body, f);
        else refbackend::applyAndSend(res, 404, notFound("dossier"), f);
    });
    svr.Get(R"(/api/v1/receipt-tokens/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const std::string tok = req.matches[1];
        const Fault f = findFault(req, tok).value_or(Fault{});
        const auto code = store->query("SELECT code FROM tokens WHERE token = ?", {tok});
        if (code) refbackend::applyAndSend(res, 200, json{{"code", *code}}.dump(), f);
        else refbackend::applyAndSend(res, 404, notFound("receipt token"), f);
    });
    svr.Get("/api/v1/guidance/catalog", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const Fault f = findFault(req, "").value_or(Fault{});
        if (catalog.empty()) {
            refbackend::applyAndSend(res, 404, notFound("guidance catalog"), f);
            return;
        }
        if (!f.noEtag) res.set_header("ETag", catalogEtag);
        res.set_header("Cache-Control", "no-cache");
        if (!f.any() && req.get_header_value("If-None-Match") == catalogEtag) {
            res.status = 304;
            return;
        }
        refbackend::applyAndSend(res, 200, catalog, f);
    });
    svr.Post("/api/v1/ratings", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const Fault f = findFault(req, "").value_or(Fault{});
        const std::string key = req.get_header_value("Idempotency-Key");
        const json body = json::parse(req.body, nullptr, false);
        if (key.empty() || key.size() > 200) {
            refbackend::applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "Idempotency-Key header required (1..200 chars)"), f);
            return;
        }
        if (!body.is_object() || !body.contains("dossier_code") || !body["dossier_code"].is_string() ||
            !body.contains("level") || !body["level"].is_string() ||
            !kiosk::core::ratingLevelFromString(body["level"].get<std::string>())) {
            refbackend::applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "body needs dossier_code and level"), f);
            return;
        }
        if (body.contains("test") && !body["test"].is_boolean()) {
            refbackend::applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "test must be true or false"), f);
            return;
        }
        // A test rating ("test": true, from `kiosk check-backend`) is answered like any other; this
        // backend keeps no statistics, so it is stored as sent.
        int changes = 0;
        store->query("INSERT OR IGNORE INTO ratings(idempotency_key, dossier_code, level, body) VALUES(?,?,?,?)",
                     {key, body["dossier_code"].get<std::string>(), body["level"].get<std::string>(), req.body}, &changes);
        refbackend::applyAndSend(res, changes > 0 ? 201 : 200, json{{"idempotency_key", key}, {"duplicate", changes == 0}}.dump(), f);
    });
    svr.Post("/api/v1/heartbeats", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const Fault f = findFault(req, "").value_or(Fault{});
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("kiosk_id") || !body["kiosk_id"].is_string()) {
            refbackend::applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "body needs kiosk_id"), f);
            return;
        }
        if (body.contains("test") && !body["test"].is_boolean()) {
            refbackend::applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "test must be true or false"), f);
            return;
        }
        // The fleet view keeps the latest heartbeat per kiosk: a repeated delivery (same Idempotency-Key,
        // same body) stores the same state, and a late one never overwrites a newer state. A test
        // heartbeat is answered alike and not listed.
        if (!(body.contains("test") && body["test"].get<bool>())) {
            const std::string kioskId = body["kiosk_id"].get<std::string>();
            const auto stored = store->query("SELECT body FROM kiosks WHERE kiosk_id = ?", {kioskId});
            if (!stored || refbackend::replacesStored(req.body, *stored)) {
                store->query("INSERT INTO kiosks(kiosk_id, body, received_at) VALUES(?, ?, ?) ON CONFLICT(kiosk_id) "
                             "DO UPDATE SET body = excluded.body, received_at = excluded.received_at",
                             {kioskId, req.body, std::to_string(unixNow())});
            }
        }
        refbackend::applyAndSend(res, 202, R"({"accepted":true})", f);
    });
    // The fleet view (tools/refbackend/fleet.hpp): no device token, no personal data.
    auto fleet = [&] {
        std::vector<refbackend::KioskHeartbeat> kiosks;
        for (auto& row : store->rows("SELECT kiosk_id, body, received_at FROM kiosks")) {
            kiosks.push_back({row[0], row[1], std::stoll(row[2])});
        }
        return kiosks;
    };
    svr.Get("/fleet.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(refbackend::fleetJson(fleet(), unixNow()), "application/json");
    });
    svr.Get("/fleet", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(refbackend::fleetHtml(fleet(), unixNow()), "text/html; charset=utf-8");
    });
    // No device token here: the enrolment code is what the kiosk proves itself with.
    svr.Post("/api/v1/enrolments", [&](const httplib::Request& req, httplib::Response& res) {
        const Fault f = findFault(req, "").value_or(Fault{});
        // An injected error status stands for a backend that failed before enrolling: the code stays unused.
        const auto answer = f.status != 0 ? refbackend::Enrolments::Answer{f.status, "{}"}
                                          : enrolments.enrol(req.body, std::chrono::steady_clock::now());
        refbackend::applyAndSend(res, answer.status, answer.body, f);
    });
    svr.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
    svr.set_logger([&recorder](const httplib::Request& req, const httplib::Response& res) {
        std::cerr << req.method << " " << req.path << " -> " << res.status << "\n";
        if (recorder) recorder->write(req, res);
    });

    // 1. Bind first, so the port is known and printed as the first line (tests read it). cpp-httplib's
    //    default socket options set SO_REUSEPORT, which lets a second instance share a port already in
    //    use; SO_REUSEADDR alone still allows a quick restart but refuses a port someone listens on.
    svr.set_socket_options([](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const int bound = port == 0 ? svr.bind_to_any_port(host) : (svr.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        std::cerr << "kiosk-refbackend: cannot listen on " << listen << " (address in use or not available)\n";
        return 1;
    }
    std::cout << "listening on " << host << ":" << bound << std::endl;

    // 2. Seed, printing every code so a person can try them.
    if (seed) {
        const auto dossiers = refbackend::makeSeedDossiers(
            std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
        store->exec("DELETE FROM dossiers; DELETE FROM tokens;");
        for (const auto& d : dossiers) {
            store->query("INSERT INTO dossiers(code, body) VALUES(?, ?)", {d.code, d.json});
            std::cout << "dossier " << d.code << " status " << d.status << (d.overdue ? " overdue" : " on_time") << "\n";
        }
        for (const auto& t : refbackend::makeSeedTokens(dossiers)) {
            store->query("INSERT INTO tokens(token, code) VALUES(?, ?)", {t.token, t.code});
            std::cout << "token " << t.token << " -> " << t.code << "\n";
        }
    }
    std::cout << "ready" << std::endl;

    // 3. Serve until SIGINT/SIGTERM.
    // httplib's stop() does nothing until the accept loop is running, so a signal that arrives between
    // "ready" and listen_after_bind() (a test that never sends a request) waits for the loop first.
    std::atomic<bool> listenReturned{false};
    std::thread stopper{[&] {
        int sig = 0;
        sigwait(&signals, &sig);
        while (!svr.is_running() && !listenReturned.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds{5});
        }
        svr.stop();
    }};
    svr.listen_after_bind();
    listenReturned.store(true);
    // listen returned on its own (error): wake the signal thread so it can be joined. It waits for
    // SIGTERM in sigwait, so the signal is consumed there and terminates nothing.
    pthread_kill(stopper.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread,cert-pos44-c)
    stopper.join();
    (void)g_unused;
    return 0;
}
