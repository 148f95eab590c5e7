#include "kiosk/core/api/lookup_error.hpp"

namespace kiosk::core {

std::string_view toString(LookupErrorKind kind) {
    switch (kind) {
        case LookupErrorKind::Offline: return "offline";
        case LookupErrorKind::Timeout: return "timeout";
        case LookupErrorKind::NotFound: return "not_found";
        case LookupErrorKind::Unauthorized: return "unauthorized";
        case LookupErrorKind::Server: return "server";
        case LookupErrorKind::BadResponse: return "bad_response";
        case LookupErrorKind::Tls: return "tls";
        case LookupErrorKind::Cancelled: return "cancelled";
    }
    return "server";
}

}  // namespace kiosk::core
