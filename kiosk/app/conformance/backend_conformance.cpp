// Index: [SECTION] One exchange and its verdicts  [SECTION] The run  [SECTION] Output
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
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/text/url_encoding.hpp"
#include "kiosk/core/staff/enrolment.hpp"

namespace kiosk::app {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

// Made-up identifiers: nobody's dossier, nobody's receipt, no real device.
constexpr std::string_view kUnknownCode = "000.00.00.H00-000101-0000";
constexpr std::string_view kUnknownToken = "00000000-0000-4000-8000-000000000000";
constexpr std::string_view kWrongToken = "kiosk-check-backend-wrong-token";
constexpr std::string_view kTestKioskId = "kiosk-check-backend";
constexpr std::size_t kListedIssues = 3;  // issues named in one reason; the rest are counted

const std::string kDossierPath = "/api/v1/dossiers/{code}";
const std::string kTokenPath = "/api/v1/receipt-tokens/{token}";
const std::string kCatalogPath = "/api/v1/guidance/catalog";
const std::string kRatingsPath = "/api/v1/ratings";
const std::string kEnrolmentsPath = "/api/v1/enrolments";
constexpr std::string_view kUnknownEnrolmentCode = "CHECK-BACKEND-0000";
const std::string kHeartbeatsPath = "/api/v1/heartbeats";

std::string joinLimited(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < kListedIssues; ++i) out += (i ? "; " : "") + items[i];
    if (items.size() > kListedIssues) out += " (+" + std::to_string(items.size() - kListedIssues) + " more)";
    return out;
}

std::string failureName(platform::HttpFailure failure) {
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
        ConformanceReport& report)
        : m_http(http), m_options(options), m_contract(contract), m_report(report) {}

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

private:
    platform::HttpClient& m_http;
    const BackendOptions& m_options;
    const core::OpenApiDocument& m_contract;
    ConformanceReport& m_report;
};

std::string randomKey() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> hex{0, 15};
    std::string key = "kiosk-check-backend-";
    for (int i = 0; i < 16; ++i) key += "0123456789abcdef"[hex(device)];
    return key;
}

core::ZonedTime nowAtOffset() {
    // The kiosk sends its own local offset; a fixed +07:00 is as valid for the contract.
    return core::ZonedTime{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), std::chrono::minutes{420}};
}

// [SECTION] The run

void checkDossier(Run& run, const std::string& code, const std::string& subject) {
    Expectation expect{200, "for a dossier the backend knows", {}, {{404, "the code was given with --code as one your system knows"}}};
    auto out = run.call(run.options().token, {"GET", "/api/v1/dossiers/" + core::percentEncode(code), {}, {}});
    run.judgeAnswer("dossier", subject, "get", kDossierPath, expect, out);
    core::SchemaReport report;
    run.judgeSchema("dossier", subject, run.sectionOf("get", kDossierPath, 200, out.spec), out, report);
    run.judgeText("dossier", subject, out);
    const bool timesOk = run.judgeTimes("dossier", subject, out, report);
    if (out.schemaOk && timesOk) {
        // Rules beyond the schema (the code must be the one asked for, ...): the kiosk's own reader decides.
        auto dossier = core::mapDossier(out.response->body, code);
        const std::string section = "docs/api/integrator-guide.md, The dossier";
        if (dossier) {
            run.add("dossier.kiosk", subject, Verdict::Pass,
                    "the kiosk reads it: status " + std::to_string(dossier->rawStatus) + ", " +
                        std::to_string(dossier->history.size()) + " history steps",
                    section);
        } else {
            run.add("dossier.kiosk", subject, Verdict::Fail, "the kiosk refuses it: " + dossier.error().diagnostic, section);
        }
    } else if (out.answerOk) {
        run.add("dossier.kiosk", subject, Verdict::Skip, "not tried: the answer breaks the schema", "");
    }
    run.judgeLimits("dossier", subject, out);
}

// @return the dossier code the token stands for, when it resolved
std::optional<std::string> checkToken(Run& run, const std::string& token) {
    Expectation expect{200, "for a receipt token the backend issued", {}, {{404, "the token link was given with --code as one your system issued"}}};
    auto out = run.call(run.options().token, {"GET", "/api/v1/receipt-tokens/" + core::percentEncode(token), {}, {}});
    run.judgeAnswer("token", token, "get", kTokenPath, expect, out);
    core::SchemaReport report;
    run.judgeSchema("token", token, run.sectionOf("get", kTokenPath, 200, out.spec), out, report);
    run.judgeText("token", token, out);
    std::optional<std::string> resolved;
    if (out.schemaOk) {
        auto code = core::mapReceiptToken(out.response->body);
        if (code) {
            run.add("token.kiosk", token, Verdict::Pass, "the kiosk reads it: resolves to " + *code, "docs/api/integrator-guide.md, Receipt tokens");
            resolved = *code;
        } else {
            run.add("token.kiosk", token, Verdict::Fail, "the kiosk refuses it: " + code.error().diagnostic, "docs/api/integrator-guide.md, Receipt tokens");
        }
    }
    run.judgeLimits("token", token, out);
    return resolved;
}

void checkCatalog(Run& run) {
    const std::string subject = "guidance catalog";
    Expectation expect{200, "for the guidance catalog", {{404, "no catalog of the province's own; kiosks keep the one they were installed with"}}, {}};
    auto out = run.call(run.options().token, {"GET", kCatalogPath, {}, {}});
    run.judgeAnswer("catalog", subject, "get", kCatalogPath, expect, out);
    const bool served = out.response && out.response->status == 200 && out.answerOk;
    core::SchemaReport report;
    if (served) {
        run.judgeSchema("catalog", subject, run.sectionOf("get", kCatalogPath, 200, out.spec), out, report);
        run.judgeText("catalog", subject, out);
        if (out.schemaOk) {
            auto loaded = core::guidance::parseCatalog(out.response->body, "backend");
            const std::string section = "docs/guidance-format.md (the backend form)";
            if (!loaded) {
                run.add("catalog.kiosk", subject, Verdict::Fail, "the kiosk's catalog loader refuses it: " + loaded.error().message, section);
            } else if (!loaded->issues.empty()) {
                run.add("catalog.kiosk", subject, Verdict::Warn,
                        std::to_string(loaded->issues.size()) + " entries left out by the kiosk; first: " + loaded->issues.front().text(),
                        section);
            } else {
                run.add("catalog.kiosk", subject, Verdict::Pass,
                        "the kiosk loads it: " + std::to_string(loaded->catalog.entries.size()) + " entries", section);
            }
        }
    }
    std::string etag;
    if (served && out.spec &&
        std::find(out.spec->requiredHeaders.begin(), out.spec->requiredHeaders.end(), "ETag") != out.spec->requiredHeaders.end()) {
        const std::string section = run.sectionOf("get", kCatalogPath, 200, out.spec) + " headers.ETag";
        etag = out.response->etag;
        if (etag.empty()) {
            run.add("catalog.etag", subject, Verdict::Fail,
                    "no ETag header: the kiosk cannot ask 'has it changed?' and downloads the whole catalog every time", section);
        } else if (etag.starts_with("W/")) {
            run.add("catalog.etag", subject, Verdict::Fail, "weak ETag (W/...): the contract asks for a strong validator of the bytes", section);
            etag.clear();
        } else {
            run.add("catalog.etag", subject, Verdict::Pass, "strong ETag " + etag, section);
        }
    }
    run.judgeLimits("catalog", subject, out);
    if (!served) return;

    const std::string again = "guidance catalog, If-None-Match";
    if (etag.empty()) {
        run.add("catalog.revalidate.answer", again, Verdict::Skip, "no ETag to send", "");
        return;
    }
    Expectation notModified{304, "to If-None-Match with the current ETag", {},
                            {{200, "the kiosk downloads the whole catalog at every check; answer 304 Not Modified"}}};
    auto second = run.call(run.options().token, {"GET", kCatalogPath, {{"If-None-Match", etag}}, {}});
    run.judgeAnswer("catalog.revalidate", again, "get", kCatalogPath, notModified, second);
    run.judgeLimits("catalog.revalidate", again, second);
}

void checkPost(Run& run, const std::string& id, const std::string& subject, const std::string& path, std::string body,
               std::vector<std::pair<std::string, std::string>> headers, const Expectation& expect) {
    headers.emplace_back("Content-Type", "application/json");
    auto out = run.call(run.options().token, {"POST", path, std::move(headers), std::move(body)});
    run.judgeAnswer(id, subject, "post", path, expect, out);
    run.judgeLimits(id, subject, out);
}

void checkRatings(Run& run, const std::string& dossierCode) {
    core::Rating rating;
    rating.dossierCode = dossierCode;
    rating.level = core::RatingLevel::Satisfied;
    rating.ratedAt = nowAtOffset();
    rating.kioskId = std::string{kTestKioskId};
    rating.idempotencyKey = randomKey();
    rating.test = true;
    const std::string body = core::buildRatingJson(rating);
    const std::string subject = rating.idempotencyKey;
    checkPost(run, "rating", subject, kRatingsPath, body, {{"Idempotency-Key", rating.idempotencyKey}},
              Expectation{201, "for a new rating", {{200, "the contract answers 201 Stored to a new key (the kiosk accepts any 2xx)"}}, {}});
    checkPost(run, "rating.repeat", subject, kRatingsPath, body, {{"Idempotency-Key", rating.idempotencyKey}},
              Expectation{200, "for the same rating sent again (same Idempotency-Key)", {},
                          {{201, "the rating would be counted twice; store one rating per Idempotency-Key and answer 200 to a repeat"},
                           {409, "the kiosk resends a rating whose answer it lost; a repeat must be answered 200, not refused"}}});
}

void checkHeartbeat(Run& run) {
    core::Heartbeat heartbeat;
    heartbeat.kioskId = std::string{kTestKioskId};
    heartbeat.version = "check-backend";
    heartbeat.sentAt = nowAtOffset();
    heartbeat.test = true;
    checkPost(run, "heartbeat", std::string{kTestKioskId}, kHeartbeatsPath, core::buildHeartbeatJson(heartbeat), {},
              Expectation{202, "for a heartbeat",
                          {{200, "the contract answers 202 Accepted (the kiosk accepts any 2xx)"},
                           {201, "the contract answers 202 Accepted (the kiosk accepts any 2xx)"},
                           {204, "the contract answers 202 Accepted (the kiosk accepts any 2xx)"}},
                          {}});
}

// Enrolment takes no device token: a made-up code must be refused as unknown (and not enrol anything).
void checkEnrolment(Run& run) {
    run.postErrorExchange(
        "enrolment.unknown", std::string{kUnknownEnrolmentCode}, "", kEnrolmentsPath,
        core::enrolmentRequestJson(kUnknownEnrolmentCode, kTestKioskId, "check-backend"),
        Expectation{404, "for an enrolment code nobody issued", {},
                    {{201, "a made-up enrolment code was accepted: only codes the province issued may enrol a kiosk"},
                     {401, "enrolment comes before the kiosk has a device token: accept it without one"}}});
}

}  // namespace

std::string_view toString(Verdict verdict) {
    switch (verdict) {
        case Verdict::Pass: return "PASS";
        case Verdict::Warn: return "WARN";
        case Verdict::Fail: return "FAIL";
        case Verdict::Skip: return "SKIP";
    }
    return "FAIL";
}

bool ConformanceReport::conforms() const { return count(Verdict::Fail) == 0 && !checks.empty(); }

std::size_t ConformanceReport::count(Verdict verdict) const {
    return static_cast<std::size_t>(std::count_if(checks.begin(), checks.end(), [&](const auto& c) { return c.verdict == verdict; }));
}

ConformanceReport runConformance(platform::HttpClient& http, const BackendOptions& options, const ConformanceTargets& targets) {
    ConformanceReport report;
    report.backend = options.baseUrl;
    const auto& contract = embeddedContract();
    if (!contract) {
        report.checks.push_back({"contract", "docs/api/openapi.yaml", Verdict::Fail, "the embedded contract is unusable: " + contract.error(), ""});
        return report;
    }
    report.contractVersion = contract->version();
    Run run{http, options, *contract, report};

    std::vector<std::string> codes;
    for (const auto& c : targets.codes) codes.push_back(c.value);
    const std::string probe = codes.empty() ? std::string{kUnknownCode} : codes.front();
    const std::string probeUrl = "/api/v1/dossiers/" + core::percentEncode(probe);

    // 1. The device token is required.
    const std::map<int, std::string> open = {
        {200, "anyone who can reach the backend reads dossiers; require 'Authorization: Bearer <device token>'"},
        {404, "answered before checking the token; check the device token first"}};
    const std::map<int, std::string> also403 = {{403, "the contract says 401 (the kiosk treats 401 and 403 alike)"}};
    if (!run.errorExchange("auth.no-token", probe, "", kDossierPath, probeUrl,
                           Expectation{401, "without a device token", also403, open})) {
        return report;  // unreachable: every other check would fail the same way
    }
    run.errorExchange("auth.wrong-token", probe, kWrongToken, kDossierPath, probeUrl,
                      Expectation{401, "with a wrong device token", also403, open});

    // 2. Dossiers: an unknown code, then each code given and each token link given.
    run.errorExchange("dossier.unknown", std::string{kUnknownCode}, options.token, kDossierPath,
                      "/api/v1/dossiers/" + core::percentEncode(kUnknownCode),
                      Expectation{404, "for a code nobody issued", {{410, "the contract says 404 (the kiosk treats 404 and 410 alike)"}},
                                  {{200, "a made-up code must not be found"}}});
    if (codes.empty()) {
        run.add("dossier.answer", "(no --code)", Verdict::Fail,
                "no dossier to look up: pass --code CODE with dossiers your system knows (ideally one per status 1-10)",
                "docs/api/integrator-guide.md, Step 3");
    }
    for (const auto& code : codes) checkDossier(run, code, code);

    run.errorExchange("token.unknown", std::string{kUnknownToken}, options.token, kTokenPath,
                      "/api/v1/receipt-tokens/" + core::percentEncode(kUnknownToken),
                      Expectation{404, "for a token nobody issued", {{410, "the contract says 404 (the kiosk treats 404 and 410 alike)"}}, {}});
    for (const auto& token : targets.tokens) {
        if (auto code = checkToken(run, token.value); code && std::find(codes.begin(), codes.end(), *code) == codes.end()) {
            codes.push_back(*code);
            checkDossier(run, *code, *code + " (from token)");
        }
    }

    // 3. The guidance catalog and its revalidation.
    checkCatalog(run);

    // 4. A test rating twice with one key, a test heartbeat.
    checkRatings(run, probe);
    checkHeartbeat(run);

    // 5. Enrolling a new kiosk (provisioning): an unknown code is refused.
    checkEnrolment(run);
    return report;
}

// [SECTION] Output

std::string formatReportTable(const ConformanceReport& report) {
    std::size_t idWidth = 5, subjectWidth = 7;
    for (const auto& c : report.checks) {
        idWidth = std::max(idWidth, c.id.size());
        subjectWidth = std::max(subjectWidth, std::min<std::size_t>(c.subject.size(), 40));
    }
    auto pad = [](std::string s, std::size_t width) {
        if (s.size() > width) s = s.substr(0, width - 3) + "...";
        s.resize(width, ' ');
        return s;
    };
    std::ostringstream out;
    out << "kiosk check-backend: " << report.backend << " against contract " << report.contractVersion
        << " (docs/api/openapi.yaml)\n";
    out << "RESULT  " << pad("CHECK", idWidth) << "  " << pad("SUBJECT", subjectWidth) << "  REASON  [CONTRACT]\n";
    for (const auto& c : report.checks) {
        out << pad(std::string{toString(c.verdict)}, 6) << "  " << pad(c.id, idWidth) << "  " << pad(c.subject, subjectWidth) << "  "
            << c.reason;
        if (!c.section.empty()) out << "  [" << c.section << "]";
        out << "\n";
    }
    out << report.checks.size() << " checks: " << report.count(Verdict::Pass) << " PASS, " << report.count(Verdict::Warn)
        << " WARN, " << report.count(Verdict::Fail) << " FAIL, " << report.count(Verdict::Skip) << " SKIP: "
        << (report.conforms() ? "the backend conforms to the contract" : "the backend does NOT conform (see the FAIL lines)") << "\n";
    return out.str();
}

std::string formatReportJson(const ConformanceReport& report) {
    json checks = json::array();
    for (const auto& c : report.checks) {
        checks.push_back({{"check", c.id},
                          {"subject", c.subject},
                          {"result", std::string{toString(c.verdict)}},
                          {"reason", c.reason},
                          {"contract", c.section}});
    }
    json doc{{"backend", report.backend},
             {"contract_version", report.contractVersion},
             {"conforms", report.conforms()},
             {"summary",
              {{"pass", report.count(Verdict::Pass)},
               {"warn", report.count(Verdict::Warn)},
               {"fail", report.count(Verdict::Fail)},
               {"skip", report.count(Verdict::Skip)}}},
             {"checks", std::move(checks)}};
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kiosk::app
