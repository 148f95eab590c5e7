#pragma once
// Strict mapping of the backend contract's JSON (docs/api/openapi.yaml) to the kiosk's Dossier.
//
// Strict means: a required field that is missing, or any field of the wrong JSON type, makes the whole
// reply a BadResponse whose diagnostic names the field path ("history[2].at: ..."), never a crash or a
// half-filled screen. Unknown fields are ignored (the contract may grow). An unknown status number is
// kept as DossierStatus::Unknown. Every string is normalised to NFC (invalid UTF-8 becomes U+FFFD) and
// personal fields are masked here, even when the backend masked them already, so nothing after this
// point holds unmasked personal data. Diagnostics name fields, never their values.

#include <expected>
#include <string>
#include <string_view>

#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/dossier/dossier.hpp"

namespace kiosk::core {

/// Deepest JSON nesting accepted; deeper documents are rejected before parsing (a hostile or broken
/// backend cannot exhaust the stack).
inline constexpr int kMaxJsonDepth = 32;

/// Maps the body of `GET /api/v1/dossiers/{code}`.
/// @param body         the response body (any bytes)
/// @param expectedCode the code that was asked for; when not empty, a reply about another dossier is
///                     a BadResponse
/// @return the masked, normalised dossier, or a BadResponse naming the offending field
std::expected<Dossier, LookupError> mapDossier(std::string_view body, std::string_view expectedCode = {});

/// The one place personal data in a dossier is masked and its text cleaned (NFC, no bidi or control
/// characters): the applicant's name (maskPersonName), ID and phone numbers in every free text
/// (maskPersonalNumbersInText), links that carry an ID dropped. mapDossier applies it; so must every
/// other way a Dossier enters the kiosk (`kiosk slip status --dossier-json`). Idempotent.
/// @param dossier as read from any source
/// @return the same dossier, masked and cleaned
Dossier maskDossier(Dossier dossier);

/// Maps the body of `GET /api/v1/receipt-tokens/{token}`: `{"code": "..."}`.
/// @return the dossier code (NFC, trimmed), or a BadResponse
std::expected<std::string, LookupError> mapReceiptToken(std::string_view body);

/// The dossier as the kiosk understood it, as one JSON object (for `kiosk lookup` and diagnostics).
/// Keys: code, status (1..10 or null), raw_status, procedure{code,name}, agency, applicant, received,
/// due, finished (ISO 8601 or null), history[], missing_documents[], fees[], pickup, result_delivery,
/// note, public_url. Everything in it is already masked.
std::string dossierToJson(const Dossier& dossier);

}  // namespace kiosk::core
