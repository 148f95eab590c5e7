#include "kiosk/core/slip/slip.hpp"

#include <cstdio>

namespace kiosk::core::slip {

namespace {
struct Civil {
    int year;
    unsigned month;
    unsigned day;
    long hour;
    long minute;
};

Civil civil(const ZonedTime& t) {
    const auto local = t.local();
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{local - day};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
            static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count())};
}
}  // namespace

std::string formatDate(const ZonedTime& t) {
    const Civil c = civil(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", c.day, c.month, c.year);
    return buf;
}

std::string formatDateTime(const ZonedTime& t) {
    const Civil c = civil(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d %02ld:%02ld", c.day, c.month, c.year, c.hour, c.minute);
    return buf;
}

}  // namespace kiosk::core::slip
