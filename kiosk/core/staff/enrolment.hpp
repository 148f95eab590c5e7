#pragma once
// The enrolment exchange of docs/api/openapi.yaml (POST /api/v1/enrolments): a new kiosk trades the
// one-time code from its provisioning QR for its device token. Pure: the request body and the reading
// of the answer; kiosk/app/staff/enrolment_client.cpp sends it.

#include <array>
#include <expected>
#include <string>
#include <string_view>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// Why an enrolment failed, as staff need to know it.
enum class EnrolmentFailure {
    Offline,   ///< the backend could not be reached
    Timeout,   ///< no answer in time
    Tls,       ///< certificate or pin problem
    Unknown,   ///< 404: the backend does not know the code (a typo in the QR, another province)
    Used,      ///< 409: the code was used already (ask for a new one)
    Expired,   ///< 410: the code expired (ask for a new one)
    Rejected,  ///< 400/401/403: the backend refused the request
    Server,    ///< 5xx
    BadAnswer, ///< a success without a usable token
};

inline constexpr std::array<EnrolmentFailure, 9> kAllEnrolmentFailures{
    EnrolmentFailure::Offline, EnrolmentFailure::Timeout,  EnrolmentFailure::Tls,
    EnrolmentFailure::Unknown, EnrolmentFailure::Used,     EnrolmentFailure::Expired,
    EnrolmentFailure::Rejected, EnrolmentFailure::Server,  EnrolmentFailure::BadAnswer};

/// Stable name ("enrolment_used", ...): logs, audit and translation keys ("staff.provision.failure.<name>").
std::string_view toString(EnrolmentFailure failure);

/// {"enrolment_code": ..., "kiosk_id": ..., "version": ...}
std::string enrolmentRequestJson(std::string_view code, std::string_view kioskId, std::string_view version);

/// The device token from an answer.
/// @param status the HTTP status
/// @param body   the answer's body
/// @return the token (one line, 16..4096 printable ASCII characters), or why there is none
std::expected<std::string, EnrolmentFailure> readEnrolmentAnswer(int status, std::string_view body);

}  // namespace kiosk::core
