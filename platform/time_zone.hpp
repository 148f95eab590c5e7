#pragma once
// The office's time zone from its IANA name (office.time_zone), read from the system's time zone
// database. Core works with the rule it returns (kiosk/core/dossier/time_zone.hpp) and never reads
// the database itself. Defined once per platform library:
//   - platform_linux: the tz database under /usr/share/zoneinfo (Debian's tzdata), through
//     Howard Hinnant's date library (libhowardhinnant-date-dev), whatever zone the machine is set to.
//   - platform_fake: a fixed table of a few zones (tests need no tzdata).

#include <string_view>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/dossier/time_zone.hpp"

namespace platform {

/// @param name IANA zone name, e.g. "Asia/Ho_Chi_Minh"
/// @return the zone, or a Config error naming the zone when the database does not know it
kiosk::core::Result<kiosk::core::TimeZone> locateTimeZone(std::string_view name);

}  // namespace platform
