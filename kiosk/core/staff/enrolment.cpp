#include "kiosk/core/staff/enrolment.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kiosk::core {

std::string_view toString(EnrolmentFailure failure) {
    switch (failure) {
        case EnrolmentFailure::Offline: return "offline";
        case EnrolmentFailure::Timeout: return "timeout";
        case EnrolmentFailure::Tls: return "tls";
        case EnrolmentFailure::Unknown: return "enrolment_unknown";
        case EnrolmentFailure::Used: return "enrolment_used";
        case EnrolmentFailure::Expired: return "enrolment_expired";
        case EnrolmentFailure::Rejected: return "rejected";
        case EnrolmentFailure::Server: return "server";
        case EnrolmentFailure::BadAnswer: return "bad_answer";
    }
    return "unknown";
}

std::string enrolmentRequestJson(std::string_view code, std::string_view kioskId, std::string_view version) {
    nlohmann::ordered_json j;
    j["enrolment_code"] = code;
    j["kiosk_id"] = kioskId;
    j["version"] = version;
    return j.dump();
}

std::expected<std::string, EnrolmentFailure> readEnrolmentAnswer(int status, std::string_view body) {
    switch (status) {
        case 200:
        case 201: break;
        case 404: return std::unexpected(EnrolmentFailure::Unknown);
        case 409: return std::unexpected(EnrolmentFailure::Used);
        case 410: return std::unexpected(EnrolmentFailure::Expired);
        default:
            return std::unexpected(status >= 500 ? EnrolmentFailure::Server : EnrolmentFailure::Rejected);
    }
    const auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("device_token") || !j["device_token"].is_string()) {
        return std::unexpected(EnrolmentFailure::BadAnswer);
    }
    std::string token = j["device_token"].get<std::string>();
    const bool printable = std::ranges::all_of(token, [](char c) { return c > ' ' && c < 0x7f; });
    if (token.size() < 16 || token.size() > 4096 || !printable) return std::unexpected(EnrolmentFailure::BadAnswer);
    return token;
}

}  // namespace kiosk::core
