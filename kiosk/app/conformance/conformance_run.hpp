#pragma once
// Internal to kiosk/app/conformance: one exchange with the backend and its verdicts (Run), the paths
// and made-up identifiers the checks use, and the checks of each endpoint (conformance_checks.cpp).
// backend_conformance.cpp runs them in order.
#include "kiosk/app/conformance/backend_conformance.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <sstream>

#include "kiosk/app/conformance/contract_document.hpp"
#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/api/openapi_document.hpp"
#include "kiosk/core/dossier/time_zone.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/text/url_encoding.hpp"
#include "kiosk/core/staff/enrolment.hpp"

namespace kiosk::app::conformance_detail {


using nlohmann::json;
using std::chrono::milliseconds;

// Made-up identifiers: nobody's dossier, nobody's receipt, no real device.
constexpr std::string_view kUnknownCode = "000.00.00.H00-000101-0000";
constexpr std::string_view kUnknownToken = "00000000-0000-4000-8000-000000000000";
constexpr std::string_view kWrongToken = "kiosk-check-backend-wrong-token";
constexpr std::string_view kTestKioskId = "kiosk-check-backend";
constexpr std::size_t kListedIssues = 3;  // issues named in one reason; the rest are counted

inline const std::string kDossierPath = "/api/v1/dossiers/{code}";
inline const std::string kTokenPath = "/api/v1/receipt-tokens/{token}";
inline const std::string kCatalogPath = "/api/v1/guidance/catalog";
inline const std::string kRatingsPath = "/api/v1/ratings";
inline const std::string kEnrolmentsPath = "/api/v1/enrolments";
constexpr std::string_view kUnknownEnrolmentCode = "CHECK-BACKEND-0000";
inline const std::string kHeartbeatsPath = "/api/v1/heartbeats";

inline std::string joinLimited(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < kListedIssues; ++i) out += (i ? "; " : "") + items[i];
    if (items.size() > kListedIssues) out += " (+" + std::to_string(items.size() - kListedIssues) + " more)";
    return out;
}

inline std::string failureName(platform::HttpFailure failure) {
    switch (failure) {
        case platform::HttpFailure::Offline: return "no connection";
        case platform::HttpFailure::Timeout: return "timeout";
        case platform::HttpFailure::Tls: return "TLS verification failed";
        case platform::HttpFailure::TooLarge: return "answer too large";
        case platform::HttpFailure::Cancelled: return "cancelled";
        case platform::HttpFailure::Protocol: return "not HTTP or a bad URL";
    }
    return "transport failure";
}

// What one exchange should get: the contract's status, statuses the kiosk copes with (a warning), and
// hints for the mistakes integrators make.
struct Expectation {
    int status = 200;
    std::string why;                          ///< "for a code nobody issued"
    std::map<int, std::string> tolerated;     ///< status -> WARN reason
    std::map<int, std::string> hints;         ///< status -> FAIL reason
};

// [SECTION] One exchange and its verdicts

class Run {
public:
    Run(platform::HttpClient& http, const BackendOptions& options, const core::OpenApiDocument& contract,
        ConformanceReport& report, core::TimeZone zone)
        : m_http(http), m_options(options), m_contract(contract), m_report(report), m_zone(std::move(zone)) {}

    // The answer as the kiosk would get it, with the time it took.
    struct Outcome {
        std::expected<platform::HttpResponse, platform::HttpError> response;
        milliseconds took{0};
        std::optional<core::ResponseSpec> spec;  ///< the contract's response for the status received
        std::optional<json> body;                ///< parsed when the schema aspect passed
        bool answerOk = false;                   ///< the expected (or a tolerated) status and Content-Type
        bool schemaOk = false;
    };

    Outcome call(std::string_view token, platform::HttpRequest request) {
        BackendOptions options = m_options;
        options.token = std::string{token};
        options.retries = 0;
        BackendClient client{m_http, options};
        const auto start = std::chrono::steady_clock::now();
        Outcome out{client.exchange(std::move(request), nullptr), {}, {}, {}, false, false};
        out.took = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
        return out;
    }

    void add(std::string id, std::string subject, Verdict verdict, std::string reason, std::string section) {
        m_report.checks.push_back({std::move(id), std::move(subject), verdict, std::move(reason), std::move(section)});
    }

    std::string sectionOf(const std::string& method, const std::string& path, int status,
                          const std::optional<core::ResponseSpec>& spec) const {
        std::string upper = method;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        std::string s = "openapi.yaml " + upper + " " + path + " " + (spec ? spec->key : std::to_string(status));
        if (spec && !spec->schemaName.empty()) s += " (" + spec->schemaName + ")";
        return s;
    }

    // answer: transport, status and Content-Type. Sets out.spec and out.answerOk.
    void judgeAnswer(const std::string& id, const std::string& subject, const std::string& method,
                     const std::string& path, const Expectation& expect, Outcome& out) {
        const std::string check = id + ".answer";
        if (!out.response) {
            const auto kind = out.response.error().kind;
            if (kind == platform::HttpFailure::Timeout || kind == platform::HttpFailure::TooLarge) {
                add(check, subject, Verdict::Skip, "no complete answer (see " + id + ".limits)", sectionOf(method, path, expect.status, {}));
            } else {
                std::string hint;
                if (kind == platform::HttpFailure::Tls) {
                    hint = " (the kiosk always verifies the certificate; see backend.ca_bundle and backend.pinned_public_key)";
                }
                add(check, subject, Verdict::Fail,
                    "no answer: " + failureName(kind) + ": " + out.response.error().diagnostic + hint,
                    sectionOf(method, path, expect.status, {}));
            }
            return;
        }
        const platform::HttpResponse& r = *out.response;
        out.spec = m_contract.response(path, method, r.status);
        const auto tolerated = expect.tolerated.find(r.status);
        const bool asExpected = r.status == expect.status || tolerated != expect.tolerated.end();
        // The section of the answer received when it is acceptable, else of the one expected.
        const std::string section = sectionOf(method, path, asExpected ? r.status : expect.status,
                                              asExpected ? out.spec : m_contract.response(path, method, expect.status));
        Verdict verdict = Verdict::Pass;
        std::string reason = "HTTP " + std::to_string(r.status);
        if (r.status != expect.status) {
            if (tolerated != expect.tolerated.end()) {
                verdict = Verdict::Warn;
                reason = "answered HTTP " + std::to_string(r.status) + ": " + tolerated->second;
            } else {
                verdict = Verdict::Fail;
                reason = "answered HTTP " + std::to_string(r.status) + ", expected " + std::to_string(expect.status) + " " + expect.why;
                if (const auto h = expect.hints.find(r.status); h != expect.hints.end()) reason += ": " + h->second;
                else if (r.status >= 300 && r.status < 400) reason += " (the kiosk never follows redirects: serve the API at the configured URL)";
                add(check, subject, verdict, reason, section);
                return;
            }
        }
        if (!out.spec) {
            add(check, subject, Verdict::Fail,
                "HTTP " + std::to_string(r.status) + " is not an answer the contract declares here", section);
            return;
        }
        if (!out.spec->mediaTypes.empty()) {
            if (!isJsonContentType(r.contentType)) {
                add(check, subject, Verdict::Fail,
                    "Content-Type is '" + (r.contentType.empty() ? std::string{"(none)"} : r.contentType) +
                        "'; the kiosk reads only application/json",
                    section);
                return;
            }
            if (verdict == Verdict::Pass) reason += ", " + r.contentType;
        }
        out.answerOk = true;
        add(check, subject, verdict, reason, section);
    }

    // schema: the body against the schema the contract gives for this answer. Sets out.body and out.schemaOk.
    void judgeSchema(const std::string& id, const std::string& subject, const std::string& section, Outcome& out,
                     core::SchemaReport& report) {
        if (!out.answerOk || !out.spec || out.spec->schemaPointer.empty()) return;
        const std::string check = id + ".schema";
        auto body = core::parseJsonBody(out.response->body);
        if (!body) {
            add(check, subject, Verdict::Fail, body.error(), section);
            return;
        }
        report = m_contract.validate(out.spec->schemaPointer, *body);
        std::vector<std::string> issues;
        for (const auto& issue : report.issues) {
            if (issue.keyword != "format") issues.push_back(issue.text());
        }
        out.body = std::move(*body);
        if (!issues.empty()) {
            add(check, subject, Verdict::Fail, joinLimited(issues), section);
            return;
        }
        out.schemaOk = true;
        const std::string name = out.spec->schemaName.empty() ? "the contract's schema" : "the contract's " + out.spec->schemaName + " schema";
        add(check, subject, Verdict::Pass, "matches " + name, section);
    }

    // text: every string in NFC.
    void judgeText(const std::string& id, const std::string& subject, const Outcome& out) {
        if (!out.body) return;
        const auto paths = core::nonNfcTextPaths(*out.body);
        const std::string section = "openapi.yaml info: JSON bodies are UTF-8 in Unicode NFC";
        if (paths.empty()) {
            add(id + ".text", subject, Verdict::Pass, "all text in Unicode NFC", section);
        } else {
            add(id + ".text", subject, Verdict::Fail,
                "not in Unicode NFC (decomposed accents, which the kiosk's screen cannot draw as sent): " + joinLimited(paths),
                section);
        }
    }

    // times: every date-time has an offset. Returns false when one has not.
    bool judgeTimes(const std::string& id, const std::string& subject, const Outcome& out, const core::SchemaReport& report) {
        if (!out.body) return true;
        std::vector<std::string> issues;
        for (const auto& issue : report.issues) {
            if (issue.keyword == "format") issues.push_back(issue.text());
        }
        const std::string section = "openapi.yaml components/schemas/Time";
        if (!issues.empty()) {
            add(id + ".times", subject, Verdict::Fail, joinLimited(issues), section);
            return false;
        }
        if (report.dateTimesChecked > 0) {
            add(id + ".times", subject, Verdict::Pass,
                std::to_string(report.dateTimesChecked) + " times, each ISO 8601 with a UTC offset", section);
        }
        return true;
    }

    // limits: size and time against the kiosk's configuration.
    void judgeLimits(const std::string& id, const std::string& subject, const Outcome& out) {
        const auto limitMs = m_options.http.totalTimeout.count();
        const auto limitBytes = m_options.http.maxResponseBytes;
        const std::string check = id + ".limits";
        const std::string section = "kiosk config backend.total_timeout_ms, backend.max_response_bytes";
        if (!out.response) {
            const auto kind = out.response.error().kind;
            if (kind == platform::HttpFailure::Timeout) {
                add(check, subject, Verdict::Fail,
                    "no complete answer within " + std::to_string(limitMs) +
                        " ms (backend.total_timeout_ms): the kiosk gives up and the citizen sees 'try again'",
                    section);
            } else if (kind == platform::HttpFailure::TooLarge) {
                add(check, subject, Verdict::Fail,
                    "answer larger than " + std::to_string(limitBytes) + " bytes (backend.max_response_bytes): the kiosk refuses it",
                    section);
            } else {
                add(check, subject, Verdict::Skip, "no answer", section);
            }
            return;
        }
        const std::string figures = std::to_string(out.response->body.size()) + " bytes in " + std::to_string(out.took.count()) +
                                    " ms (limits " + std::to_string(limitBytes) + " bytes, " + std::to_string(limitMs) + " ms)";
        if (out.took.count() * 2 > limitMs) {
            add(check, subject, Verdict::Warn, figures + ": more than half the kiosk's time limit; a citizen is waiting", section);
        } else {
            add(check, subject, Verdict::Pass, figures, section);
        }
    }

    // An error answer (401, 404): answer, schema (the Error model), limits.
    // @return false when the backend could not be reached at all (no connection, TLS, not HTTP)
    bool errorExchange(const std::string& id, const std::string& subject, std::string_view token, const std::string& path,
                       const std::string& url, const Expectation& expect) {
        Outcome out = call(token, {"GET", url, {}, {}});
        judgeAnswer(id, subject, "get", path, expect, out);
        core::SchemaReport report;
        judgeSchema(id, subject, sectionOf("get", path, expect.status, out.spec), out, report);
        judgeLimits(id, subject, out);
        return out.response || out.response.error().kind == platform::HttpFailure::Timeout ||
               out.response.error().kind == platform::HttpFailure::TooLarge;
    }

    // The same for a POST whose expected answer is the Error model.
    void postErrorExchange(const std::string& id, const std::string& subject, std::string_view token,
                           const std::string& path, std::string body, const Expectation& expect) {
        Outcome out = call(token, {"POST", path, {{"Content-Type", "application/json"}}, std::move(body)});
        judgeAnswer(id, subject, "post", path, expect, out);
        core::SchemaReport report;
        judgeSchema(id, subject, sectionOf("post", path, expect.status, out.spec), out, report);
        judgeLimits(id, subject, out);
    }

    const core::OpenApiDocument& contract() const { return m_contract; }
    const BackendOptions& options() const { return m_options; }
    /// Now at the office's offset: a test rating's rated_at and a heartbeat's sent_at, as the kiosk sends them.
    core::ZonedTime now() const { return m_zone.at(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())); }

private:
    platform::HttpClient& m_http;
    const BackendOptions& m_options;
    const core::OpenApiDocument& m_contract;
    ConformanceReport& m_report;
    core::TimeZone m_zone;
};

inline std::string randomKey() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> hex{0, 15};
    std::string key = "kiosk-check-backend-";
    for (int i = 0; i < 16; ++i) key += "0123456789abcdef"[hex(device)];
    return key;
}

// The checks of each endpoint (conformance_checks.cpp).
void checkDossier(Run& run, const std::string& code, const std::string& subject);
std::optional<std::string> checkToken(Run& run, const std::string& token);
void checkCatalog(Run& run);
void checkPost(Run& run, const std::string& id, const std::string& subject, const std::string& path, std::string body,
               std::vector<std::pair<std::string, std::string>> headers, const Expectation& expect);
void checkRatings(Run& run, const std::string& dossierCode);
void checkHeartbeat(Run& run);
void checkEnrolment(Run& run);

}  // namespace kiosk::app::conformance_detail
