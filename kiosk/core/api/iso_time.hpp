#pragma once
// ISO 8601 times as the backend contract carries them: "2024-10-15T08:30:00+07:00" (seconds and
// fractions optional, offset required: "Z", "+07:00" or "+0700"). A time without an offset is
// rejected, because the kiosk must not guess the office's time zone.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/dossier/dossier.hpp"

namespace kiosk::core {

/// Parses an ISO 8601 date-time with a UTC offset. Pure and total.
/// @param text e.g. "2024-10-15T08:30:00+07:00", "2024-10-15T01:30:00Z", "2024-10-15T08:30+0700"
/// @return the instant and its offset, or std::nullopt when the text is not such a time or names an
///         impossible date (Feb 30, hour 24, offset beyond ±14:00)
std::optional<ZonedTime> parseIsoTime(std::string_view text);

/// Formats a time at its own offset: "2024-10-15T08:30:00+07:00" ("Z" is never produced).
std::string formatIsoTime(const ZonedTime& time);

}  // namespace kiosk::core
