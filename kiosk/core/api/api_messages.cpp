#include "kiosk/core/api/api_messages.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/core/api/iso_time.hpp"
#include "kiosk/core/api/json_depth.hpp"
#include "kiosk/core/privacy/masking.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

namespace {
constexpr std::pair<ApiErrorKind, std::string_view> kApiErrorKinds[] = {
    {ApiErrorKind::NotFound, "not_found"},     {ApiErrorKind::Unauthorized, "unauthorized"},
    {ApiErrorKind::Forbidden, "forbidden"},    {ApiErrorKind::Invalid, "invalid"},
    {ApiErrorKind::RateLimited, "rate_limited"}, {ApiErrorKind::Timeout, "timeout"},
    {ApiErrorKind::Unavailable, "unavailable"}, {ApiErrorKind::Server, "server"},
};
}  // namespace

std::string_view toString(ApiErrorKind kind) {
    for (const auto& [k, name] : kApiErrorKinds) {
        if (k == kind) return name;
    }
    return "other";
}

std::optional<ApiErrorBody> parseErrorBody(std::string_view body) {
    if (body.empty() || !detail::jsonDepthWithin(body, 8)) return std::nullopt;
    const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    const auto error = doc.find("error");
    if (error == doc.end() || !error->is_object()) return std::nullopt;
    const auto kind = error->find("kind");
    if (kind == error->end() || !kind->is_string()) return std::nullopt;
    ApiErrorBody out;
    const std::string& text = kind->get_ref<const std::string&>();
    for (const auto& [k, name] : kApiErrorKinds) {
        if (text == name) out.kind = k;
    }
    return out;
}

std::string errorBodyJson(std::string_view kind, std::string_view message) {
    return dump(json{{"error", {{"kind", std::string{kind}}, {"message", std::string{message}}}}});
}

LookupErrorKind kindForHttpStatus(int status) {
    switch (status) {
        case 401:
        case 403: return LookupErrorKind::Unauthorized;
        case 404:
        case 410: return LookupErrorKind::NotFound;
        case 408:
        case 504: return LookupErrorKind::Timeout;
        default: return LookupErrorKind::Server;
    }
}

std::string_view toString(RatingLevel level) {
    switch (level) {
        case RatingLevel::VerySatisfied: return "very_satisfied";
        case RatingLevel::Satisfied: return "satisfied";
        case RatingLevel::Unsatisfied: return "unsatisfied";
    }
    return "satisfied";
}

std::optional<RatingLevel> ratingLevelFromString(std::string_view text) {
    if (text == "very_satisfied") return RatingLevel::VerySatisfied;
    if (text == "satisfied") return RatingLevel::Satisfied;
    if (text == "unsatisfied") return RatingLevel::Unsatisfied;
    return std::nullopt;
}

std::string buildRatingJson(const Rating& rating) {
    json body{{"dossier_code", rating.dossierCode},
              {"level", std::string{toString(rating.level)}},
              {"rated_at", formatIsoTime(rating.ratedAt)},
              {"kiosk_id", rating.kioskId},
              {"idempotency_key", rating.idempotencyKey}};
    if (rating.test) body["test"] = true;
    return dump(body);
}

std::string buildHeartbeatJson(const Heartbeat& heartbeat) {
    json states = json::object();
    for (const auto& [name, value] : heartbeat.states) states[name] = value;
    json counters = json::object();
    for (const auto& [name, value] : heartbeat.counters) counters[name] = value;
    json body{{"kiosk_id", heartbeat.kioskId},
              {"version", heartbeat.version},
              {"sent_at", formatIsoTime(heartbeat.sentAt)},
              {"uptime_s", heartbeat.uptimeSeconds},
              {"states", std::move(states)},
              {"counters", std::move(counters)}};
    if (heartbeat.test) body["test"] = true;
    return dump(body);
}

}  // namespace kiosk::core
