// platform::locateTimeZone for the fake platform: a few fixed zones, no tz database needed.
#include "platform/time_zone.hpp"

#include <array>
#include <string>
#include <utility>

namespace platform {

kiosk::core::Result<kiosk::core::TimeZone> locateTimeZone(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, int>, 5> kZones{{
        {"Asia/Ho_Chi_Minh", 7 * 60},
        {"Asia/Bangkok", 7 * 60},
        {"Asia/Tokyo", 9 * 60},
        {"UTC", 0},
        {"Etc/UTC", 0},
    }};
    for (const auto& [zone, minutes] : kZones) {
        if (zone == name) {
            return kiosk::core::TimeZone::fixed(std::string(name), std::chrono::minutes{minutes});
        }
    }
    return kiosk::core::fail(kiosk::core::ErrorKind::Config,
                             "office.time_zone: unknown time zone \"" + std::string(name) + "\" (fake platform)");
}

}  // namespace platform
