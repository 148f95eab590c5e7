#pragma once
// Expected failures are values: Result<T> = std::expected<T, Error>. Exceptions are kept for broken
// preconditions only (docs/architecture.md, "Errors").

#include <expected>
#include <source_location>
#include <string>
#include <string_view>

namespace kiosk::core {

/// Broad category of an expected failure. Modules with a richer taxonomy (the backend client's
/// LookupErrorKind, the printer's status) keep their own enum and map onto these for logging.
enum class ErrorKind {
    InvalidInput,  ///< text or data from outside that does not have the expected shape
    NotFound,      ///< the thing asked for does not exist
    Io,            ///< a file or device could not be read or written
    Parse,         ///< a document (JSON, TOML, ESC/POS) is malformed
    Config,        ///< a configuration value is invalid
    Unavailable,   ///< a service or device is not reachable now; try again later
    Internal,      ///< a bug: should not happen
};

/// Stable lower-case name of a kind, for logs and JSON ("invalid_input", ...).
std::string_view toString(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;  ///< for staff and logs; never carries personal data
    std::source_location where = std::source_location::current();
};

template <class T>
using Result = std::expected<T, Error>;

/// Shorthand for `return std::unexpected(Error{...})` that records the caller's location.
inline std::unexpected<Error> fail(ErrorKind kind, std::string message,
                                   std::source_location where = std::source_location::current()) {
    return std::unexpected(Error{kind, std::move(message), where});
}

}  // namespace kiosk::core
