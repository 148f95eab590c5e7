#pragma once
// Percent-encoding, one place for the kiosk: a dossier code put into a URL (the backend's path, the
// follow-up URL of the QR codes) and the query values read from a scanned receipt link.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

/// Percent-encodes everything but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~), so the result
/// is safe as a path segment or a query value.
std::string percentEncode(std::string_view text);

/// application/x-www-form-urlencoded decoding of a query name or value: %XX and '+' as a space.
/// @return the bytes, or std::nullopt for a malformed escape ("%4", "%zz")
std::optional<std::string> percentDecode(std::string_view text);

}  // namespace kiosk::core
