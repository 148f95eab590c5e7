// platform::locateTimeZone from the system tz database (date/tz.h built with USE_OS_TZDB: it reads
// /usr/share/zoneinfo, so a tzdata update is picked up without rebuilding).
#include "platform/time_zone.hpp"

#include <date/tz.h>

#include <exception>
#include <string>

namespace platform {

kiosk::core::Result<kiosk::core::TimeZone> locateTimeZone(std::string_view name) {
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(name);
    } catch (const std::exception&) {
        // date throws std::runtime_error for an unknown name: for the kiosk that is a config error.
        zone = nullptr;
    }
    if (zone == nullptr) {
        return kiosk::core::fail(kiosk::core::ErrorKind::Config,
                                 "office.time_zone: unknown time zone \"" + std::string(name) + "\" (not in /usr/share/zoneinfo)");
    }
    // time_zone objects live as long as the database (the whole process): capturing the pointer is safe.
    return kiosk::core::TimeZone(std::string(name), [zone](std::chrono::sys_seconds t) {
        return std::chrono::duration_cast<std::chrono::minutes>(zone->get_info(t).offset);
    });
}

}  // namespace platform
