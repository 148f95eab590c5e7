#pragma once
// The smaller messages of the backend contract: the error body every non-2xx reply should carry, the
// satisfaction rating and the heartbeat the kiosk sends, and how HTTP statuses map to error kinds.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/dossier/dossier.hpp"

namespace kiosk::core {

/// The error kinds of the contract's error body (docs/api/openapi.yaml). A backend's own words are
/// never kept: its `kind` and `message` may echo a name or a citizen ID it was sent, and what the kiosk
/// keeps of an error ends up in logs. Only a kind from this fixed list survives; anything else is Other.
enum class ApiErrorKind {
    NotFound,      ///< "not_found"
    Unauthorized,  ///< "unauthorized"
    Forbidden,     ///< "forbidden"
    Invalid,       ///< "invalid"
    RateLimited,   ///< "rate_limited"
    Timeout,       ///< "timeout"
    Unavailable,   ///< "unavailable"
    Server,        ///< "server"
    Other,         ///< any other text, or none
};

/// The contract's name of a kind ("not_found", ...; "other" for Other).
std::string_view toString(ApiErrorKind kind);

/// `{"error":{"kind":"...","message":"..."}}` as a backend sends it, reduced to what may be logged.
struct ApiErrorBody {
    ApiErrorKind kind = ApiErrorKind::Other;  ///< the message is deliberately not kept
};

/// Parses an error body. Pure and total.
/// @return the known kind, or std::nullopt when the body is not the contract's error shape
std::optional<ApiErrorBody> parseErrorBody(std::string_view body);

/// Builds the contract's error body (used by `kiosk lookup` and the reference backend).
std::string errorBodyJson(std::string_view kind, std::string_view message);

/// What the kiosk makes of a non-2xx HTTP status: 401/403 Unauthorized, 404/410 NotFound, 408/504
/// Timeout, anything else (5xx, unexpected 3xx/4xx) Server.
LookupErrorKind kindForHttpStatus(int status);

/// Satisfaction levels of the national portal.
enum class RatingLevel {
    VerySatisfied,  ///< Rất hài lòng
    Satisfied,      ///< Hài lòng
    Unsatisfied,    ///< Không hài lòng
};

/// "very_satisfied", "satisfied", "unsatisfied".
std::string_view toString(RatingLevel level);
/// Inverse of toString(RatingLevel); std::nullopt for anything else.
std::optional<RatingLevel> ratingLevelFromString(std::string_view text);

/// `POST /api/v1/ratings`. The idempotency key travels in the `Idempotency-Key` header and in the body.
struct Rating {
    std::string dossierCode;
    RatingLevel level = RatingLevel::Satisfied;
    ZonedTime ratedAt;
    std::string kioskId;
    std::string idempotencyKey;  ///< stable for one rating, so a retried delivery is counted once
    bool test = false;           ///< sent by a conformance run (`kiosk check-backend`): not to be counted
};

/// @return the JSON body of a rating; `"test": true` only for a test rating (the contract's default is false)
std::string buildRatingJson(const Rating& rating);

/// `POST /api/v1/heartbeats`: health figures of one kiosk (never personal data).
struct Heartbeat {
    std::string kioskId;
    std::string version;
    ZonedTime sentAt;
    std::int64_t uptimeSeconds = 0;
    std::vector<std::pair<std::string, std::string>> states;     ///< e.g. {"printer","ok"}, {"paper","low"}
    std::vector<std::pair<std::string, std::int64_t>> counters;  ///< e.g. {"lookups_ok", 120}
    bool test = false;  ///< sent by a conformance run (`kiosk check-backend`): not a kiosk being alive
};

/// @return the JSON body of a heartbeat; `"test": true` only for a test heartbeat
std::string buildHeartbeatJson(const Heartbeat& heartbeat);

}  // namespace kiosk::core
