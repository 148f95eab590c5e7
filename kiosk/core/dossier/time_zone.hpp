#pragma once
// The office's time zone (office.time_zone): every date and time the citizen reads, on the screen, on a
// slip or aloud, is shown at the office's offset, whatever zone the machine itself is set to, so the
// screen and the slip always agree.
//
// Core does not read the time zone database (that is a file of the system): the platform layer
// resolves the configured name (platform/time_zone.hpp) and hands core a TimeZone holding the rule.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "kiosk/core/dossier/dossier.hpp"

namespace kiosk::core {

/// The zone every office in Viet Nam uses: UTC+07:00, no daylight saving time since 1975.
inline constexpr std::string_view kDefaultTimeZone = "Asia/Ho_Chi_Minh";

class TimeZone {
public:
    /// The UTC offset of the zone at an instant (a function, so zones with daylight saving time work).
    using OffsetAt = std::function<std::chrono::minutes(std::chrono::sys_seconds)>;

    /// Asia/Ho_Chi_Minh (+07:00).
    TimeZone();
    /// @param name     IANA name, for logs and staff ("Asia/Ho_Chi_Minh")
    /// @param offsetAt the offset at any instant; must be callable from any thread
    TimeZone(std::string name, OffsetAt offsetAt);

    /// A zone with one offset for all time.
    static TimeZone fixed(std::string name, std::chrono::minutes offset);

    /// @return the instant with the office's offset at that instant
    [[nodiscard]] ZonedTime at(std::chrono::sys_seconds t) const;
    /// @return the same instant, re-expressed at the office's offset (a backend may write UTC)
    [[nodiscard]] ZonedTime at(const ZonedTime& t) const { return at(t.utc); }
    [[nodiscard]] const std::string& name() const { return m_name; }

private:
    std::string m_name;
    OffsetAt m_offsetAt;
};

}  // namespace kiosk::core
