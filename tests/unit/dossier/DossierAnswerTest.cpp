// The citizen's answer (kiosk/core/dossier/dossier_answer.hpp) with the real string tables: what the
// screen, the slip and the voice all say.
#include "kiosk/core/dossier/dossier_answer.hpp"

#include <gtest/gtest.h>

#include "kiosk/core/dossier/follow_url.hpp"
#include "kiosk/core/dossier/spoken_status.hpp"

using namespace kiosk::core;
using namespace std::chrono;

namespace {

sys_seconds vn(int y, unsigned m, unsigned d, int hh = 9) {
    return sys_days{year{y} / month{m} / day{d}} + hours{hh} - hours{7};
}
ZonedTime zt(sys_seconds t) { return ZonedTime{t, minutes{420}}; }

const StringTable& table(Language lang) {
    static const StringTable vi = *loadStringTable(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/i18n", Language::Vi);
    static const StringTable en = *loadStringTable(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/i18n", Language::En);
    return lang == Language::En ? en : vi;
}

Dossier dossier(DossierStatus status) {
    Dossier d;
    d.code = "000.00.06.H56-261120-0361";
    d.status = status;
    d.received = zt(vn(2026, 11, 20));
    d.due = zt(vn(2026, 12, 2, 17));
    d.history = {{zt(vn(2026, 11, 20)), "Bộ phận Một cửa", "Tiếp nhận hồ sơ", ""}};
    return d;
}

DossierAnswer answer(const Dossier& d, Language lang = Language::Vi, sys_seconds now = vn(2026, 11, 28)) {
    return answerFor(d, table(lang), AnswerContext{lang, now, TimeZone{}, "https://x.gov.vn/tra-cuu?ma={code}"});
}

}  // namespace

TEST(DossierAnswerTest, OnTimeProcessingSaysDaysLeftAndTheDate) {
    const auto a = answer(dossier(DossierStatus::Processing));
    EXPECT_EQ(a.tone, StatusTone::InProgress);
    EXPECT_EQ(a.actor, NextActor::Agency);
    EXPECT_EQ(a.headline, "Đang xử lý");
    EXPECT_EQ(a.dueLine, "Còn 4 ngày đến ngày hẹn trả");
    EXPECT_EQ(a.keyDateKind, KeyDateKind::Due);
    EXPECT_EQ(a.keyDateLabel, "Ngày hẹn trả");
    EXPECT_EQ(a.keyDate, "02/12/2026");
    EXPECT_EQ(a.keyDateSpoken, "ngày 2 tháng 12 năm 2026");
    EXPECT_TRUE(a.apology.empty());
    EXPECT_EQ(a.followUrl, "https://x.gov.vn/tra-cuu?ma=000.00.06.H56-261120-0361");
}

// Past the appointment date while the agency works: the banner changes and the advice says what
// happens now, never "the result will be ready by the appointment date".
TEST(DossierAnswerTest, AgencyLateChangesToneApologisesAndAdvises) {
    for (const auto status : {DossierStatus::Accepted, DossierStatus::Processing}) {
        const auto a = answer(dossier(status), Language::Vi, vn(2026, 12, 5));
        EXPECT_EQ(a.tone, StatusTone::Overdue);
        EXPECT_EQ(a.dueLine, "Đã quá hạn 3 ngày");
        EXPECT_FALSE(a.apology.empty());
        EXPECT_NE(a.nextStep.find("hẹn lại ngày trả kết quả"), std::string::npos) << a.nextStep;
        EXPECT_NE(a.nextStep.find("quầy tiếp nhận và trả kết quả"), std::string::npos) << a.nextStep;
        EXPECT_EQ(a.nextStep.find("ngày hẹn trả."), std::string::npos) << a.nextStep;
    }
    const auto en = answer(dossier(DossierStatus::Processing), Language::En, vn(2026, 12, 5));
    EXPECT_EQ(en.dueLine, "Overdue by 3 days");
    EXPECT_EQ(en.nextStep.find("ready on the appointment date"), std::string::npos);
}

// Documents or fees: the citizen must act, so the answer does not open with the agency's apology.
TEST(DossierAnswerTest, CitizenMustActNoApology) {
    for (const auto status : {DossierStatus::NeedsDocuments, DossierStatus::NeedsPayment}) {
        const auto a = answer(dossier(status), Language::Vi, vn(2026, 12, 5));
        EXPECT_EQ(a.tone, StatusTone::ActionNeeded);
        EXPECT_EQ(a.actor, NextActor::Citizen);
        EXPECT_TRUE(a.apology.empty());
        EXPECT_EQ(a.dueLine, "Đã quá hạn 3 ngày");
    }
    EXPECT_EQ(answer(dossier(DossierStatus::NeedsPayment)).headline, "Cần nộp phí, lệ phí");
    EXPECT_EQ(answer(dossier(DossierStatus::NeedsDocuments)).headline, "Cần bổ sung giấy tờ");
}

TEST(DossierAnswerTest, FeesTotalsAndTheirLanguage) {
    Dossier d = dossier(DossierStatus::NeedsPayment);
    d.fees = {{"Lệ phí", 100000, true, "", ""},
              {"Phí thẩm định", 1200000, false, "Nộp tại quầy", "https://pay.gov.vn/p/1"},
              {"Phí khác", 50000, false, "", "http://insecure.example/p"}};
    const auto vi = answer(d);
    EXPECT_EQ(vi.feesUnpaidTotal, "1.250.000 ₫");
    EXPECT_EQ(vi.feesPaidTotal, "100.000 ₫");
    EXPECT_EQ(vi.payUrl, "https://pay.gov.vn/p/1");  // https only
    EXPECT_FALSE(vi.feesInOtherLanguage);
    const auto en = answer(d, Language::En);
    EXPECT_EQ(en.fees[1].amount, "1,200,000 ₫");
    EXPECT_TRUE(en.feesInOtherLanguage);  // the backend's Vietnamese fee names are marked on English screens
}

// Status 9 follows the result's delivery; status 10 shows no future pickup date.
TEST(DossierAnswerTest, FinishedDossiersFollowDeliveryAndShowNoFuturePickup) {
    Dossier done = dossier(DossierStatus::Done);
    done.finished = zt(vn(2026, 11, 27));
    done.pickup = Pickup{"Bộ phận Một cửa, tầng 1", "Quầy số 3", zt(vn(2026, 11, 28, 8))};
    auto a = answer(done);
    EXPECT_EQ(a.keyDateKind, KeyDateKind::PickupFrom);
    EXPECT_EQ(a.where, "Quầy số 3 — Bộ phận Một cửa, tầng 1");
    EXPECT_NE(a.nextStep.find("đến nhận kết quả"), std::string::npos);
    EXPECT_TRUE(a.finished);

    done.resultOnline = true;
    a = answer(done);
    EXPECT_EQ(a.nextStep.find("đến nhận"), std::string::npos) << a.nextStep;
    EXPECT_NE(a.nextStep.find("không cần đến quầy"), std::string::npos) << a.nextStep;
    EXPECT_TRUE(a.pickupDate.empty());

    Dossier returned = dossier(DossierStatus::Returned);
    returned.finished = zt(vn(2026, 11, 27));
    returned.pickup = done.pickup;
    a = answer(returned);
    EXPECT_TRUE(a.pickupDate.empty());
    EXPECT_EQ(a.keyDateKind, KeyDateKind::Finished);
    EXPECT_EQ(a.keyDateLabel, "Ngày hoàn thành");
    EXPECT_EQ(a.actor, NextActor::Nobody);
    EXPECT_TRUE(a.where.empty());  // handed over: no counter to go to
}

TEST(DossierAnswerTest, RejectionReasonAndWithdrawalIsNotAnError) {
    Dossier rejected = dossier(DossierStatus::Rejected);
    rejected.history.push_back({zt(vn(2026, 11, 21)), "Bộ phận Một cửa", "Từ chối tiếp nhận", "Thiếu tờ khai"});
    rejected.backendNote = "Quầy số 2, giờ hành chính";
    const auto a = answer(rejected);
    EXPECT_EQ(a.tone, StatusTone::Stopped);
    EXPECT_EQ(a.reason, "Thiếu tờ khai");
    EXPECT_EQ(a.instruction, "Quầy số 2, giờ hành chính");
    EXPECT_TRUE(a.dueLine.empty());
    EXPECT_EQ(a.keyDateKind, KeyDateKind::Received);
    rejected.resultDelivery = "Nhận trực tiếp tại quầy";
    EXPECT_TRUE(answer(rejected).delivery.empty());  // no result: no "how it is delivered"
    EXPECT_EQ(answer(dossier(DossierStatus::WithdrawnByCitizen)).tone, StatusTone::Withdrawn);
}

// Dates are the office's: a backend writing UTC does not move a due date to the day before.
TEST(DossierAnswerTest, DatesAreAtTheOfficeZone) {
    Dossier d = dossier(DossierStatus::Processing);
    d.due = ZonedTime{sys_days{2026y / December / 1} + 20h, minutes{0}};  // 03:00 on 2 December in Viet Nam
    EXPECT_EQ(answer(d).keyDate, "02/12/2026");
    const TimeZone tokyo = TimeZone::fixed("Asia/Tokyo", hours{9});
    const auto a = answerFor(d, table(Language::Vi), AnswerContext{Language::Vi, vn(2026, 11, 28), tokyo, ""});
    EXPECT_EQ(a.keyDate, "02/12/2026");
    EXPECT_TRUE(a.followUrl.empty());  // no template: no follow-up URL
}

// The spoken text is built from the same answer: headline, due line, date in words, what to do.
TEST(DossierAnswerTest, SpokenTextSaysWhatTheScreenSays) {
    const auto a = answer(dossier(DossierStatus::Processing), Language::Vi, vn(2026, 12, 5));
    const std::string spoken = spokenStatus(a, table(Language::Vi));
    EXPECT_NE(spoken.find(a.headline), std::string::npos);
    EXPECT_NE(spoken.find("Đã quá hạn 3 ngày"), std::string::npos);
    EXPECT_NE(spoken.find("ngày 2 tháng 12 năm 2026"), std::string::npos);
    EXPECT_EQ(spoken.find("02/12"), std::string::npos);  // a speech engine reads "/" as a fraction
    EXPECT_EQ(spoken.find("—"), std::string::npos);
    const std::string problem = spokenProblem(LookupErrorKind::Offline, table(Language::En), Language::En);
    EXPECT_NE(problem.find("Cannot reach the system"), std::string::npos) << problem;
    EXPECT_NE(speakable("1.200.000 ₫", Language::Vi).find("đồng"), std::string::npos);
}

TEST(FollowUrlTest, TemplateWithTheEncodedCodeOnly) {
    EXPECT_EQ(followUrl("https://a.gov.vn/t?ma={code}", "000.00.06.H56-231027-0361"),
              "https://a.gov.vn/t?ma=000.00.06.H56-231027-0361");
    EXPECT_EQ(followUrl("https://a.gov.vn/ho-so/{code}/xem?c={code}", "A B"), "https://a.gov.vn/ho-so/A%20B/xem?c=A%20B");
    EXPECT_EQ(followUrl("https://a.gov.vn/t?ma={code}", "x&SGT=001099012345"), "https://a.gov.vn/t?ma=x%26SGT%3D001099012345");
    EXPECT_EQ(followUrl("", "X"), "");
    EXPECT_EQ(followUrl("https://a.gov.vn/t", "X"), "");
    EXPECT_EQ(followUrl("https://a.gov.vn/t?ma={code}", ""), "");
    EXPECT_EQ(percentEncode("Ab-._~ /%"), "Ab-._~%20%2F%25");
}

TEST(TimeZoneTest, DefaultIsVietNamAndFixedZonesConvert) {
    const TimeZone vn;
    EXPECT_EQ(vn.name(), "Asia/Ho_Chi_Minh");
    const ZonedTime t = vn.at(sys_days{2026y / December / 31} + 20h);
    EXPECT_EQ(t.offset, minutes{420});
    EXPECT_EQ(formatDateTime(t, Language::Vi), "03:00 01/01/2027");
    EXPECT_EQ(formatClock(t), "03:00");
    EXPECT_EQ(weekdayIndex(t), 5);  // 1 January 2027 is a Friday
    EXPECT_EQ(formatDate(t, Language::En, DateStyle::Spoken), "1 January 2027");
}
