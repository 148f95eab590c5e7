#pragma once
// Days left / days overdue for a dossier, and how its dates are written. "On time / overdue" is not a
// status: it is computed from the appointment date ("ngày hẹn trả") against a clock the caller passes
// in. Days are calendar days at the dossier's own UTC offset (the office's), not 24-hour periods, so
// "due today" means the same thing to the citizen and the officer.

#include <chrono>
#include <string>
#include <string_view>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core {

enum class DueKind {
    NoDueDate,       ///< no appointment date, or the dossier was rejected, withdrawn or stopped
    OnTime,          ///< due on a later day; DueState::days = calendar days left (>= 1)
    DueToday,        ///< due today: 0 days left, still on time
    Overdue,         ///< due on an earlier day and not finished; days = calendar days overdue (>= 1)
    FinishedOnTime,  ///< finished on or before the due day
    FinishedLate,    ///< finished after the due day; days = calendar days late (>= 1)
};

struct DueState {
    DueKind kind = DueKind::NoDueDate;
    int days = 0;
    friend bool operator==(const DueState&, const DueState&) = default;
};

/// Whole calendar days from the local date of `from` to the local date of `to`, both read at
/// `offset` (negative when `to` is on an earlier day).
int calendarDaysBetween(std::chrono::sys_seconds from, std::chrono::sys_seconds to, std::chrono::minutes offset);

/// @param dossier the dossier (its due, finished times and status are read)
/// @param now     the current instant, injected by the caller
/// @return on time / due today / overdue, or how it finished against its due day
DueState dueState(const Dossier& dossier, std::chrono::sys_seconds now);

/// How a date is written: on screen and paper, or as a text-to-speech engine should say it.
enum class DateStyle {
    Numeric,  ///< "27/10/2023" (vi) or "27 Oct 2023" (en)
    Spoken,   ///< "ngày 27 tháng 10 năm 2023" (vi) or "27 October 2023" (en)
};

/// The one date format of the kiosk (screens, slips, speech), at the time's own offset: callers
/// re-express times at the office's zone first (kiosk/core/dossier/time_zone.hpp).
std::string formatDate(const ZonedTime& t, Language language, DateStyle style = DateStyle::Numeric);

/// "14:05 27/10/2023" (vi) or "14:05, 27 Oct 2023" (en), at the time's own offset.
std::string formatDateTime(const ZonedTime& t, Language language);

/// "14:05", at the time's own offset (the header clock).
std::string formatClock(const ZonedTime& t);

/// Day of the week at the time's own offset: 0 = Sunday ... 6 = Saturday (key screens.date.weekday_N).
int weekdayIndex(const ZonedTime& t);

}  // namespace kiosk::core

namespace kiosk::core {

/// Translation key of a status text: "status.<n>.<part>" with n = 1..10, or 0 for Unknown;
/// part is "title", "explain" or "next" (assets/i18n/<lang>/status.json).
std::string statusTextKey(DossierStatus status, std::string_view part);

/// Translation key of a due state's line: "status.due.on_time", ".due_today", ".overdue",
/// ".finished_on_time", ".finished_late" or ".none"; each takes a {days} placeholder where it counts.
std::string_view dueTextKey(DueKind kind);

}  // namespace kiosk::core
