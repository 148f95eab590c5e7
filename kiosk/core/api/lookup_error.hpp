#pragma once
// Every way a backend call can fail, as the citizen UI, the CLI and the logs see it.

#include <array>
#include <string>
#include <string_view>

namespace kiosk::core {

enum class LookupErrorKind {
    Offline,       ///< no connection to the backend (DNS, refused, unreachable, reset)
    Timeout,       ///< connect or total timeout elapsed
    NotFound,      ///< the backend does not know this dossier code or token (404)
    Unauthorized,  ///< the device token was refused (401/403)
    Server,        ///< 5xx or another unexpected status
    BadResponse,   ///< the reply is not the contract's JSON (malformed, wrong types, too big, wrong type)
    Tls,           ///< certificate, CA or pinned-key verification failed
    Cancelled,     ///< the citizen went back before the answer came
};

/// Every kind, in declaration order (counters index by the enum's value; tests walk it).
inline constexpr std::array kAllLookupErrorKinds = {
    LookupErrorKind::Offline, LookupErrorKind::Timeout,     LookupErrorKind::NotFound, LookupErrorKind::Unauthorized,
    LookupErrorKind::Server,  LookupErrorKind::BadResponse, LookupErrorKind::Tls,      LookupErrorKind::Cancelled,
};

struct LookupError {
    LookupErrorKind kind = LookupErrorKind::Server;
    std::string diagnostic;  ///< for staff and logs; never personal data or the raw scanned text
    int httpStatus = 0;      ///< 0 when no HTTP status was received
};

/// Stable names used in JSON output and translation keys: "offline", "timeout", "not_found",
/// "unauthorized", "server", "bad_response", "tls", "cancelled".
std::string_view toString(LookupErrorKind kind);

}  // namespace kiosk::core
