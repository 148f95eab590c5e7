// kiosk-refbackend: the reference backend of docs/api/openapi.yaml, for development, demos and the
// integration tests. SQLite store, seeded demo dossiers, bearer-token auth and fault injection.
// Run `kiosk-refbackend --help` for the flags and the fault grammar.

#include <CLI/CLI.hpp>
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
#include "tools/refbackend/seed.hpp"

namespace {

using nlohmann::json;

constexpr const char* kFaultHelp = R"(
Fault SPEC grammar (--fault may be repeated; the X-Fault request header takes the same SPEC without a scope):
  SPEC   := [SCOPE ':'] FAULT (',' FAULT)*
  SCOPE  := 'path=' PREFIX        only requests whose path starts with PREFIX
          | 'code=' DOSSIER_CODE  only requests for that dossier code (or token)
  FAULT  := 'latency=' MS         wait MS milliseconds before answering
          | 'drip=' BPS           send the body at BPS bytes per second (100 ms chunks)
          | 'reset'               send the headers and half the body, then close the connection
          | 'status=' NNN         answer with HTTP status NNN and an error body
          | 'malformed'           cut the JSON body in half
          | 'wrongtypes'          swap the JSON types of every top-level field (string <-> number)
          | 'oversize=' BYTES     pad the JSON body to at least BYTES bytes
          | 'contenttype=' TYPE   answer with Content-Type TYPE
Examples: --fault latency=5000   --fault path=/api/v1/ratings:status=503   --fault code=000.00.06.H56-241002-0001:reset
Magic dossier codes (no flag needed): 000.00.00.Z99-000000-NNNN with NNNN =
  0500 status=500, 0503 status=503, 0001 malformed, 0002 wrongtypes, 0003 oversize=2000000,
  0004 contenttype=text/html, 0005 reset, 0006 latency=3000, 0007 drip=20, 0401 status=401, 0404 status=404
)";

struct Fault {
    int latencyMs = 0;
    int dripBps = 0;
    bool reset = false;
    int status = 0;
    bool malformed = false;
    bool wrongTypes = false;
    std::size_t oversize = 0;
    std::string contentType;
    [[nodiscard]] bool any() const {
        return latencyMs || dripBps || reset || status || malformed || wrongTypes || oversize || !contentType.empty();
    }
};

struct ScopedFault {
    std::string pathPrefix;
    std::string code;
    Fault fault;
};

bool parseFaultList(std::string_view list, Fault& f, std::string& error) {
    std::size_t pos = 0;
    while (pos <= list.size()) {
        const std::size_t comma = list.find(',', pos);
        const std::string item{list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos)};
        const auto eq = item.find('=');
        const std::string name = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
        try {
            if (name == "latency") f.latencyMs = std::stoi(value);
            else if (name == "drip") f.dripBps = std::max(1, std::stoi(value));
            else if (name == "reset") f.reset = true;
            else if (name == "status") f.status = std::stoi(value);
            else if (name == "malformed") f.malformed = true;
            else if (name == "wrongtypes") f.wrongTypes = true;
            else if (name == "oversize") f.oversize = static_cast<std::size_t>(std::stoull(value));
            else if (name == "contenttype" && !value.empty()) f.contentType = value;
            else {
                error = "unknown fault '" + item + "'";
                return false;
            }
        } catch (const std::exception&) {
            error = "bad number in fault '" + item + "'";
            return false;
        }
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    if (f.status != 0 && (f.status < 100 || f.status > 599)) {
        error = "status must be 100..599";
        return false;
    }
    return true;
}

bool parseScopedFault(const std::string& spec, ScopedFault& out, std::string& error) {
    std::string rest = spec;
    if (rest.starts_with("path=") || rest.starts_with("code=")) {
        // The scope ends at the last ':' before the fault list (codes and paths contain no ':').
        const auto colon = rest.find(':');
        if (colon == std::string::npos) {
            error = "scope without ':' in '" + spec + "'";
            return false;
        }
        const std::string scope = rest.substr(0, colon);
        (scope.starts_with("path=") ? out.pathPrefix : out.code) = scope.substr(5);
        rest = rest.substr(colon + 1);
    }
    return parseFaultList(rest, out.fault, error);
}

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
             "CREATE TABLE IF NOT EXISTS heartbeats(id INTEGER PRIMARY KEY, kiosk_id TEXT, body TEXT,"
             " received_at TEXT DEFAULT CURRENT_TIMESTAMP);");
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

private:
    sqlite3* m_db = nullptr;
    std::mutex m_mutex;
};

std::string wrongTypes(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return R"({"code":42,"status":"4"})";
    for (auto& [key, value] : j.items()) {
        if (value.is_string()) value = 12345;
        else if (value.is_number()) value = "4";
        else if (value.is_array()) value = "not an array";
        else if (value.is_object()) value = json::array({1, 2});
        else if (value.is_boolean()) value = "yes";
    }
    return j.dump();
}

void applyAndSend(httplib::Response& res, int status, std::string body, const Fault& f) {
    std::string contentType = "application/json; charset=utf-8";
    if (f.latencyMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(f.latencyMs));
    if (f.status != 0) {
        status = f.status;
        body = kiosk::core::errorBodyJson(status >= 500 ? "server" : "injected", "injected fault: status " + std::to_string(status));
    }
    if (f.wrongTypes) body = wrongTypes(body);
    if (f.oversize > body.size()) {
        json j = json::parse(body, nullptr, false);
        if (!j.is_object()) j = json::object();
        j["padding"] = std::string(f.oversize - body.size(), 'x');
        body = j.dump();
    }
    if (f.malformed) body = body.substr(0, body.size() / 2);
    if (!f.contentType.empty()) contentType = f.contentType;
    res.status = status;
    if (f.reset) {
        auto shared = std::make_shared<std::string>(std::move(body));
        res.set_content_provider(shared->size() + 64, contentType,
                                 [shared](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                     if (offset == 0) sink.write(shared->data(), shared->size() / 2);
                                     return false;  // abort: httplib closes the connection mid-body
                                 });
        return;
    }
    if (f.dripBps > 0) {
        auto shared = std::make_shared<std::string>(std::move(body));
        const std::size_t chunk = std::max<std::size_t>(1, static_cast<std::size_t>(f.dripBps) / 10);
        res.set_content_provider(shared->size(), contentType,
                                 [shared, chunk](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     std::this_thread::sleep_for(std::chrono::milliseconds(100));
                                     return sink.write(shared->data() + offset, std::min(chunk, length));
                                 });
        return;
    }
    res.set_content(body, contentType);
}

const std::map<std::string, std::string> kMagicCodes = {
    {"0500", "status=500"}, {"0503", "status=503"}, {"0001", "malformed"}, {"0002", "wrongtypes"},
    {"0003", "oversize=2000000"}, {"0004", "contenttype=text/html"}, {"0005", "reset"},
    {"0006", "latency=3000"}, {"0007", "drip=20"}, {"0401", "status=401"}, {"0404", "status=404"},
};

std::sig_atomic_t g_unused = 0;

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk-refbackend: reference backend for the kiosk's API contract (docs/api/openapi.yaml)",
                 "kiosk-refbackend"};
    cli.footer(kFaultHelp);
    std::string listen = "127.0.0.1:8080";
    std::string dbPath = ":memory:";
    bool seed = false;
    std::string token;
    std::vector<std::string> faultSpecs;
    std::string catalogPath;
    std::string tlsCert, tlsKey;
    cli.add_option("--listen", listen, "HOST:PORT to listen on (port 0: pick a free one)")->capture_default_str();
    cli.add_option("--db", dbPath, "SQLite database file (default: in memory)");
    cli.add_flag("--seed", seed, "(Re)create the demo dossiers and receipt tokens and print their codes");
    cli.add_option("--token", token, "Require 'Authorization: Bearer TOKEN' on every /api/v1 request");
    cli.add_option("--fault", faultSpecs, "Inject a fault (see the grammar below); may be repeated");
    cli.add_option("--catalog", catalogPath, "Guidance catalog JSON file (default: assets/guidance/catalog.json if present)");
    cli.add_option("--tls-cert", tlsCert, "Serve HTTPS with this PEM certificate (needs --tls-key)");
    cli.add_option("--tls-key", tlsKey, "PEM private key for --tls-cert");
    CLI11_PARSE(cli, argc, argv);

    std::vector<ScopedFault> faults;
    for (const auto& spec : faultSpecs) {
        ScopedFault sf;
        std::string error;
        if (!parseScopedFault(spec, sf, error)) {
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
    if (tlsCert.empty() != tlsKey.empty()) {
        std::cerr << "kiosk-refbackend: --tls-cert and --tls-key go together\n";
        return 2;
    }

    // The catalog is served as one document (the backend form of docs/guidance-format.md): entry
    // files the bundled catalog names are read and put inline. The strong ETag is the SHA-256 of the
    // bytes served. Without a catalog file the endpoint answers 404.
    std::string catalog;
    if (catalogPath.empty() && std::ifstream{"assets/guidance/catalog.json"}) catalogPath = "assets/guidance/catalog.json";
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

    auto findFault = [&](const httplib::Request& req, std::string_view subject) -> std::optional<Fault> {
        if (req.has_header("X-Fault")) {
            Fault f;
            std::string error;
            if (parseFaultList(req.get_header_value("X-Fault"), f, error)) return f;
        }
        constexpr std::string_view magic = "000.00.00.Z99-000000-";
        if (subject.starts_with(magic)) {
            const auto it = kMagicCodes.find(std::string{subject.substr(magic.size())});
            Fault f;
            std::string error;
            if (it != kMagicCodes.end() && parseFaultList(it->second, f, error)) return f;
        }
        for (const auto& sf : faults) {
            if (!sf.pathPrefix.empty() && !req.path.starts_with(sf.pathPrefix)) continue;
            if (!sf.code.empty() && subject != sf.code) continue;
            return sf.fault;
        }
        return std::nullopt;
    };
    auto authorized = [&](const httplib::Request& req, httplib::Response& res) {
        if (token.empty() || req.get_header_value("Authorization") == "Bearer " + token) return true;
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
        if (!body && code.starts_with("000.00.00.Z99-")) {
            // Magic fault codes answer with a valid dossier, which the fault then spoils.
            body = json{{"code", code}, {"status", 4}, {"procedure", {{"name", "Thủ tục thử lỗi"}}}}.dump();
        }
        if (body) applyAndSend(res, 200, *body, f);
        else applyAndSend(res, 404, notFound("dossier"), f);
    });
    svr.Get(R"(/api/v1/receipt-tokens/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const std::string tok = req.matches[1];
        const Fault f = findFault(req, tok).value_or(Fault{});
        const auto code = store->query("SELECT code FROM tokens WHERE token = ?", {tok});
        if (code) applyAndSend(res, 200, json{{"code", *code}}.dump(), f);
        else applyAndSend(res, 404, notFound("receipt token"), f);
    });
    svr.Get("/api/v1/guidance/catalog", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const Fault f = findFault(req, "").value_or(Fault{});
        if (catalog.empty()) {
            applyAndSend(res, 404, notFound("guidance catalog"), f);
            return;
        }
        res.set_header("ETag", catalogEtag);
        res.set_header("Cache-Control", "no-cache");
        if (!f.any() && req.get_header_value("If-None-Match") == catalogEtag) {
            res.status = 304;
            return;
        }
        applyAndSend(res, 200, catalog, f);
    });
    svr.Post("/api/v1/ratings", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const Fault f = findFault(req, "").value_or(Fault{});
        const std::string key = req.get_header_value("Idempotency-Key");
        const json body = json::parse(req.body, nullptr, false);
        if (key.empty() || key.size() > 200) {
            applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "Idempotency-Key header required (1..200 chars)"), f);
            return;
        }
        if (!body.is_object() || !body.contains("dossier_code") || !body["dossier_code"].is_string() ||
            !body.contains("level") || !body["level"].is_string() ||
            !kiosk::core::ratingLevelFromString(body["level"].get<std::string>())) {
            applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "body needs dossier_code and level"), f);
            return;
        }
        int changes = 0;
        store->query("INSERT OR IGNORE INTO ratings(idempotency_key, dossier_code, level, body) VALUES(?,?,?,?)",
                     {key, body["dossier_code"].get<std::string>(), body["level"].get<std::string>(), req.body}, &changes);
        applyAndSend(res, changes > 0 ? 201 : 200, json{{"idempotency_key", key}, {"duplicate", changes == 0}}.dump(), f);
    });
    svr.Post("/api/v1/heartbeats", [&](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const Fault f = findFault(req, "").value_or(Fault{});
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("kiosk_id") || !body["kiosk_id"].is_string()) {
            applyAndSend(res, 400, kiosk::core::errorBodyJson("invalid", "body needs kiosk_id"), f);
            return;
        }
        store->query("INSERT INTO heartbeats(kiosk_id, body) VALUES(?, ?)", {body["kiosk_id"].get<std::string>(), req.body});
        applyAndSend(res, 202, R"({"accepted":true})", f);
    });
    svr.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        std::cerr << req.method << " " << req.path << " -> " << res.status << "\n";
    });

    // 1. Bind first, so the port is known and printed as the first line (tests read it).
    const int bound = port == 0 ? svr.bind_to_any_port(host) : (svr.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        std::cerr << "kiosk-refbackend: cannot listen on " << listen << "\n";
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
