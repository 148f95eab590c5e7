#include "kiosk/core/dossier/dossier_time.hpp"

#include <array>
#include <cstdio>

namespace kiosk::core {
namespace {

using namespace std::chrono;

local_days localDay(sys_seconds t, minutes offset) {
    return floor<days>(local_seconds{t.time_since_epoch() + offset});
}

}  // namespace

int calendarDaysBetween(sys_seconds from, sys_seconds to, minutes offset) {
    return static_cast<int>((localDay(to, offset) - localDay(from, offset)).count());
}

DueState dueState(const Dossier& d, sys_seconds now) {
    if (!d.due) return {};
    const minutes offset = d.due->offset;
    if (d.finished) {
        const int late = calendarDaysBetween(d.due->utc, d.finished->utc, offset);
        return late > 0 ? DueState{DueKind::FinishedLate, late} : DueState{DueKind::FinishedOnTime, 0};
    }
    // Rejected, withdrawn and stopped dossiers will not be finished: an appointment means nothing.
    if (d.status == DossierStatus::Rejected || d.status == DossierStatus::WithdrawnByCitizen ||
        d.status == DossierStatus::Stopped) {
        return {};
    }
    const int left = calendarDaysBetween(now, d.due->utc, offset);
    if (left > 0) return {DueKind::OnTime, left};
    if (left == 0) return {DueKind::DueToday, 0};
    return {DueKind::Overdue, -left};
}

std::string formatDate(const ZonedTime& t, Language language, DateStyle style) {
    const year_month_day ymd{floor<days>(t.local())};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    const unsigned dd = static_cast<unsigned>(ymd.day());
    static constexpr std::array<const char*, 12> kShort = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static constexpr std::array<const char*, 12> kLong = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};
    std::array<char, 48> buf{};
    if (language == Language::En) {
        const auto& months = style == DateStyle::Spoken ? kLong : kShort;
        std::snprintf(buf.data(), buf.size(), "%u %s %d", dd, months[(m - 1) % 12], y);
    } else if (style == DateStyle::Spoken) {
        // "02/12" read aloud is a fraction to a speech engine; words are not.
        std::snprintf(buf.data(), buf.size(), "ngày %u tháng %u năm %d", dd, m, y);
    } else {
        std::snprintf(buf.data(), buf.size(), "%02u/%02u/%d", dd, m, y);
    }
    return buf.data();
}

std::string formatClock(const ZonedTime& t) {
    const auto local = t.local();
    const hh_mm_ss hms{floor<minutes>(local - floor<days>(local))};
    std::array<char, 8> hm{};
    std::snprintf(hm.data(), hm.size(), "%02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
    return hm.data();
}

std::string formatDateTime(const ZonedTime& t, Language language) {
    return formatClock(t) + (language == Language::En ? ", " : " ") + formatDate(t, language);
}

int weekdayIndex(const ZonedTime& t) {
    return static_cast<int>(weekday{floor<days>(t.local())}.c_encoding());
}

}  // namespace kiosk::core

namespace kiosk::core {

std::string statusTextKey(DossierStatus status, std::string_view part) {
    return "status." + std::to_string(static_cast<int>(status)) + "." + std::string(part);
}

std::string_view dueTextKey(DueKind kind) {
    switch (kind) {
        case DueKind::OnTime: return "status.due.on_time";
        case DueKind::DueToday: return "status.due.due_today";
        case DueKind::Overdue: return "status.due.overdue";
        case DueKind::FinishedOnTime: return "status.due.finished_on_time";
        case DueKind::FinishedLate: return "status.due.finished_late";
        case DueKind::NoDueDate: break;
    }
    return "status.due.none";
}

}  // namespace kiosk::core
