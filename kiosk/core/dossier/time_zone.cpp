#include "kiosk/core/dossier/time_zone.hpp"

namespace kiosk::core {

TimeZone::TimeZone() : TimeZone(fixed(std::string(kDefaultTimeZone), std::chrono::hours{7})) {}

TimeZone::TimeZone(std::string name, OffsetAt offsetAt) : m_name(std::move(name)), m_offsetAt(std::move(offsetAt)) {}

TimeZone TimeZone::fixed(std::string name, std::chrono::minutes offset) {
    return TimeZone(std::move(name), [offset](std::chrono::sys_seconds) { return offset; });
}

ZonedTime TimeZone::at(std::chrono::sys_seconds t) const { return ZonedTime{t, m_offsetAt(t)}; }

}  // namespace kiosk::core
