#include "kiosk/core/common/result.hpp"
#include "kiosk/core/common/system_error.hpp"

#include <system_error>

namespace kiosk::core {

std::string_view toString(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidInput: return "invalid_input";
        case ErrorKind::NotFound: return "not_found";
        case ErrorKind::Io: return "io";
        case ErrorKind::Parse: return "parse";
        case ErrorKind::Config: return "config";
        case ErrorKind::Unavailable: return "unavailable";
        case ErrorKind::Internal: return "internal";
    }
    return "internal";
}

std::string systemErrorText(int error) { return std::error_code(error, std::generic_category()).message(); }

}  // namespace kiosk::core
