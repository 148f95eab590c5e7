#include "kiosk/core/dossier/dossier_time.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;
using namespace std::chrono;

namespace {

/// An instant given as Vietnam wall-clock time (+07:00).
sys_seconds vn(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} - hours{7};
}

ZonedTime zt(sys_seconds t) { return ZonedTime{t, minutes{7 * 60}}; }

Dossier dueOn(sys_seconds due) {
    Dossier d;
    d.status = DossierStatus::Processing;
    d.due = zt(due);
    return d;
}

}  // namespace

TEST(DossierTimeTest, NoDueDate) {
    Dossier d;
    EXPECT_EQ(dueState(d, vn(2023, 10, 27)).kind, DueKind::NoDueDate);
}

TEST(DossierTimeTest, DaysLeftCountCalendarDaysAtOfficeOffset) {
    const auto d = dueOn(vn(2023, 10, 30, 17, 0));
    EXPECT_EQ(dueState(d, vn(2023, 10, 27, 23, 59)), (DueState{DueKind::OnTime, 3}));
    // 00:30 on the 28th in Vietnam is still the 27th in UTC: the office's calendar counts.
    EXPECT_EQ(dueState(d, vn(2023, 10, 28, 0, 30)), (DueState{DueKind::OnTime, 2}));
    EXPECT_EQ(dueState(d, vn(2023, 10, 29, 23, 0)), (DueState{DueKind::OnTime, 1}));
}

TEST(DossierTimeTest, DueTodayIsOnTimeEvenAfterTheHour) {
    const auto d = dueOn(vn(2023, 10, 30, 8, 0));
    EXPECT_EQ(dueState(d, vn(2023, 10, 30, 0, 1)), (DueState{DueKind::DueToday, 0}));
    EXPECT_EQ(dueState(d, vn(2023, 10, 30, 23, 59)), (DueState{DueKind::DueToday, 0}));
}

TEST(DossierTimeTest, OverdueCountsDaysPastTheDueDay) {
    const auto d = dueOn(vn(2023, 10, 30, 17, 0));
    EXPECT_EQ(dueState(d, vn(2023, 10, 31, 0, 0)), (DueState{DueKind::Overdue, 1}));
    EXPECT_EQ(dueState(d, vn(2023, 11, 9, 12, 0)), (DueState{DueKind::Overdue, 10}));
}

TEST(DossierTimeTest, FinishedComparesFinishedWithDue) {
    auto d = dueOn(vn(2023, 10, 30, 17, 0));
    d.status = DossierStatus::Done;
    d.finished = zt(vn(2023, 10, 30, 21, 0));
    EXPECT_EQ(dueState(d, vn(2024, 1, 1)), (DueState{DueKind::FinishedOnTime, 0}));
    d.finished = zt(vn(2023, 11, 2, 9, 0));
    EXPECT_EQ(dueState(d, vn(2024, 1, 1)), (DueState{DueKind::FinishedLate, 3}));
}

TEST(DossierTimeTest, RejectedWithdrawnStoppedHaveNoDueState) {
    for (auto st : {DossierStatus::Rejected, DossierStatus::WithdrawnByCitizen, DossierStatus::Stopped}) {
        auto d = dueOn(vn(2023, 10, 30));
        d.status = st;
        EXPECT_EQ(dueState(d, vn(2023, 11, 30)).kind, DueKind::NoDueDate);
    }
}

TEST(DossierTimeTest, OtherOffsetUsesItsOwnCalendar) {
    Dossier d;
    d.due = ZonedTime{sys_days{year{2023} / 10 / 30} + hours{1}, minutes{0}};  // 30/10 01:00 UTC
    EXPECT_EQ(dueState(d, sys_days{year{2023} / 10 / 29} + hours{23}), (DueState{DueKind::OnTime, 1}));
    EXPECT_EQ(calendarDaysBetween(sys_days{year{2023} / 10 / 29} + hours{23}, sys_days{year{2023} / 10 / 30} + hours{1},
                                  minutes{7 * 60}),
              0);
}

TEST(DossierTimeTest, FormatsVietnameseAndEnglish) {
    const auto t = zt(vn(2023, 10, 27, 14, 5));
    EXPECT_EQ(formatDate(t, Language::Vi), "27/10/2023");
    EXPECT_EQ(formatDateTime(t, Language::Vi), "14:05 27/10/2023");
    EXPECT_EQ(formatDate(t, Language::En), "27 Oct 2023");
    EXPECT_EQ(formatDateTime(t, Language::En), "14:05, 27 Oct 2023");
    // 23:30 UTC on 26/10 is already 06:30 on 27/10 in Vietnam.
    const ZonedTime utcLate{sys_days{year{2023} / 10 / 26} + hours{23} + minutes{30}, minutes{7 * 60}};
    EXPECT_EQ(formatDateTime(utcLate, Language::Vi), "06:30 27/10/2023");
    EXPECT_EQ(formatDate(zt(vn(2024, 1, 5)), Language::Vi), "05/01/2024");
}
