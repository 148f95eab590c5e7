#pragma once
// The conformance run behind `kiosk check-backend`: exercises every endpoint the kiosk uses on an
// integrator's backend and judges each answer by the contract document (docs/api/openapi.yaml, embedded
// at build time; see contract_document.hpp) and by the kiosk's own readers and limits.
//
// Exchanges, in order (each yields several checks; a check id is "<exchange>.<aspect>"):
//   auth.no-token, auth.wrong-token  GET a dossier without / with a wrong device token   -> 401
//   dossier.unknown                  GET a dossier code nobody issued                     -> 404
//   dossier (one per code)           GET each dossier given                               -> 200
//   token.unknown, token             GET receipt-tokens, unknown / each token link given  -> 404 / 200
//   catalog, catalog.revalidate      GET the guidance catalog, then with If-None-Match     -> 200, 304
//   rating, rating.repeat            POST one test rating twice with one Idempotency-Key   -> 201, 200
//   heartbeat                        POST a test heartbeat                                 -> 202
//   enrolment.unknown                POST an enrolment with a made-up code, no token       -> 404
// Aspects: answer (status, Content-Type), schema (the contract's schema for that answer), text (NFC),
// times (ISO 8601 with offset), kiosk (the kiosk's own reader accepts it), etag, limits (size and time
// within backend.max_response_bytes and backend.total_timeout_ms).
//
// It sends no personal data: the codes and token links the integrator names, a made-up code and token,
// and ratings and heartbeats marked "test": true.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/core/dossier/time_zone.hpp"
#include "kiosk/core/receipt/receipt.hpp"
#include "platform/http_client.hpp"

namespace kiosk::app {

enum class Verdict {
    Pass,
    Warn,  ///< works, but the kiosk or the citizen will suffer (slow answers, no catalog)
    Fail,  ///< the kiosk will not work as the contract promises
    Skip,  ///< could not be judged because an earlier aspect of the same exchange failed
};

/// "PASS", "WARN", "FAIL", "SKIP".
std::string_view toString(Verdict verdict);

struct ConformanceCheck {
    std::string id;       ///< "dossier.schema"
    std::string subject;  ///< what was asked: a dossier code, "GET /api/v1/guidance/catalog", ...
    Verdict verdict = Verdict::Pass;
    std::string reason;   ///< for an integrator; names fields, never their values
    std::string section;  ///< where the rule is written: "openapi.yaml GET /api/v1/dossiers/{code} 200 (Dossier)"
};

struct ConformanceReport {
    std::string backend;          ///< the base URL checked
    std::string contractVersion;  ///< info.version of the embedded contract
    std::vector<ConformanceCheck> checks;

    /// @return true when no check failed (warnings allowed)
    [[nodiscard]] bool conforms() const;
    /// @return how many checks have `verdict`
    [[nodiscard]] std::size_t count(Verdict verdict) const;
};

/// What to check beyond the fixed exchanges: the receipts an integrator names (--code), as the kiosk
/// reads them (a dossier code, a lookup URL, or a token link).
struct ConformanceTargets {
    std::vector<core::DossierCode> codes;
    std::vector<core::ReceiptToken> tokens;
    core::TimeZone zone;  ///< office.time_zone: the test rating and heartbeat carry its offset, as the kiosk's do
};

/// Runs every check against the backend of `options` (its base URL, token, TLS settings and limits;
/// retries are not used: each request is judged alone).
/// @param http    transport (curl in the kiosk)
/// @param options from the kiosk's configuration (backendOptionsFrom)
/// @param targets the dossiers and token links to look up
/// @return the report; a backend that cannot be reached yields FAIL checks, never an exception
ConformanceReport runConformance(platform::HttpClient& http, const BackendOptions& options,
                                 const ConformanceTargets& targets);

/// The report as a table for a terminal: one line per check (RESULT, CHECK, SUBJECT, REASON [SECTION])
/// and a summary line.
std::string formatReportTable(const ConformanceReport& report);

/// The report as one JSON document: {"backend","contract_version","conforms","summary":{...},"checks":[...]}.
std::string formatReportJson(const ConformanceReport& report);

}  // namespace kiosk::app
