#include <gtest/gtest.h>

#include "kiosk/ui/code_entry.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/strings.hpp"
#include "tests/ui/fixtures.hpp"
#include "tests/ui/result_fixtures.hpp"

namespace kiosk::ui {
namespace {

using namespace code_entry;

TEST(CodeEntryTest, SeparatorsAreInsertedAsEachPartFills) {
    EXPECT_EQ(format(""), "");
    EXPECT_EQ(format("00"), "00");
    EXPECT_EQ(format("000"), "000.");
    EXPECT_EQ(format("00000"), "000.00.");
    EXPECT_EQ(format("0000006H56"), "000.00.06.H56-");
    EXPECT_EQ(format("0000006H56231027"), "000.00.06.H56-231027-");
    EXPECT_EQ(format("0000006H562310270361"), "000.00.06.H56-231027-0361");
}

TEST(CodeEntryTest, OnlyTheKindOfSymbolTheNextPositionTakesIsAccepted) {
    EXPECT_EQ(appendSymbol("000", 'H'), "000");
    EXPECT_EQ(appendSymbol("0000006", '5'), "0000006");
    EXPECT_EQ(appendSymbol("0000006", 'h'), "0000006H");
    EXPECT_EQ(expectedNext("0000006"), SymbolKind::Letter);
    EXPECT_EQ(expectedNext(std::string(kMaxSymbols, '0')), SymbolKind::None);
    EXPECT_EQ(removeLast("0000006H"), "0000006");
    EXPECT_EQ(removeLast(""), "");
}

TEST(CodeEntryTest, CompletenessAndDateChecks) {
    EXPECT_FALSE(isComplete("0000006H56231027036"));
    EXPECT_TRUE(isComplete("0000006H562310270361"));
    EXPECT_TRUE(isComplete("0000006H5623102703610"));  // sequences may be longer than 4
    EXPECT_EQ(check("0000006H562313"), Problem::BadMonth);
    EXPECT_EQ(check("0000006H56231000"), Problem::BadDay);
    EXPECT_FALSE(isComplete("0000006H562313270361"));
    EXPECT_EQ(remainingShape("00000"), "__.___-______-____");
    EXPECT_EQ(symbolsFromText("000.00.06.h56-231027-0361"), "0000006H562310270361");
}

// The Result view is core's answer (kiosk/core/dossier/dossier_answer.hpp) worded from the real tables.
TEST(ResultViewBuilderTest, AnswersTheFourQuestionsFromTheStringTables) {
    auto t = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, "vi");
    ASSERT_TRUE(t);
    Chrome chrome;
    chrome.text = &*t;
    const ResultView processing = buildResultView(test::processingDossier(), chrome, test::resultOptions());
    EXPECT_EQ(processing.answer.headline, "Đang xử lý");
    EXPECT_EQ(processing.answer.dueLine, "Còn 4 ngày đến ngày hẹn trả");
    EXPECT_EQ(processing.answer.keyDate, "02/12/2026");
    EXPECT_EQ(processing.answer.tone, StatusTone::InProgress);
    EXPECT_EQ(processing.answer.history.front().time, "08:15 20/11/2026");
    ASSERT_TRUE(processing.answer.currentStep);
    EXPECT_EQ(processing.answer.currentStep->action, "Đang thẩm định hồ sơ");
    EXPECT_FALSE(processing.askRating);  // not finished, nothing printed: no rating yet
    EXPECT_TRUE(buildResultView(test::processingDossier(), chrome, test::resultOptions(true, std::nullopt, true)).askRating);

    // Documents missing and past the date: the citizen acts, so no apology opens the answer.
    const ResultView documents = buildResultView(test::needsDocumentsDossier(), chrome, test::resultOptions());
    EXPECT_EQ(documents.answer.headline, "Cần bổ sung giấy tờ");
    EXPECT_EQ(documents.answer.dueLine, "Đã quá hạn 3 ngày");
    EXPECT_EQ(documents.answer.tone, StatusTone::ActionNeeded);
    EXPECT_TRUE(documents.answer.apology.empty());

    // The agency late: the banner turns to Overdue, the apology shows, the advice says what happens now.
    core::Dossier late = test::processingDossier();
    late.due = test::vnTime(2026, 11, 25, 17, 0);
    const ResultView overdue = buildResultView(late, chrome, test::resultOptions());
    EXPECT_EQ(overdue.answer.tone, StatusTone::Overdue);
    EXPECT_FALSE(overdue.answer.apology.empty());
    EXPECT_NE(overdue.answer.nextStep.find("hẹn lại ngày trả"), std::string::npos) << overdue.answer.nextStep;
    EXPECT_EQ(overdue.answer.nextStep.find("theo ngày hẹn"), std::string::npos);

    const ResultView payment = buildResultView(test::needsPaymentDossier(), chrome, test::resultOptions());
    EXPECT_EQ(payment.answer.headline, "Cần nộp phí, lệ phí");
    EXPECT_EQ(payment.answer.feesUnpaidTotal, "1.300.000 ₫");
    EXPECT_FALSE(payment.answer.feesInOtherLanguage);

    const ResultView done = buildResultView(test::doneDossier(), chrome, test::resultOptions());
    EXPECT_EQ(done.answer.dueLine, "Hoàn thành đúng hạn");
    EXPECT_EQ(done.answer.keyDateKind, core::KeyDateKind::PickupFrom);
    EXPECT_TRUE(done.askRating);

    const ResultView rejected = buildResultView(test::stoppedDossier(), chrome, test::resultOptions());
    EXPECT_EQ(rejected.answer.reason, "Hồ sơ thuộc thẩm quyền của UBND cấp xã");
    EXPECT_EQ(rejected.answer.instruction, "Xin nộp hồ sơ tại Bộ phận Một cửa UBND xã nơi cư trú.");
}

// The follow-up URL is the template with the code: nothing of the backend's URL reaches it.
TEST(ResultViewBuilderTest, FollowUrlIsBuiltFromTheTemplateNeverFromTheBackend) {
    auto t = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, "vi");
    ASSERT_TRUE(t);
    Chrome chrome;
    chrome.text = &*t;
    core::Dossier d = test::processingDossier();
    for (const char* hostile : {"https://dvc.gov.vn/tra-cuu?CCCD=001.099.012.345&MHS=000.00.06.H56-261120-0361",
                                "https://dvc.gov.vn/tra-cuu?%53GT=001099012345&MHS=000.00.06.H56-261120-0361",
                                "https://dvc.gov.vn/001099012345/000.00.06.H56-261120-0361"}) {
        d.publicLookupUrl = hostile;
        const ResultView v = buildResultView(d, chrome, test::resultOptions());
        EXPECT_EQ(v.answer.followUrl, "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=000.00.06.H56-261120-0361");
        EXPECT_EQ(v.answer.followUrl.find("001"), std::string::npos);
    }
    ui::ResultOptions none = test::resultOptions();
    none.followUrlTemplate.clear();
    EXPECT_TRUE(buildResultView(d, chrome, none).answer.followUrl.empty());  // no card is drawn then
}

TEST(ScreenStringsTest, BothLanguagesHaveTheSameKeysAndNoPlaceholderTypos) {
    auto vi = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, "vi");
    auto en = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, "en");
    ASSERT_TRUE(vi && en);
    EXPECT_EQ(vi->size(), en->size());
    EXPECT_EQ(substitute("Còn {days} ngày", {{"days", "3"}}), "Còn 3 ngày");
    EXPECT_EQ(substitute("{x} {unknown}", {{"x", "1"}}), "1 {unknown}");
    EXPECT_EQ(vi->get("no.such.key"), "no.such.key");
}

}  // namespace
}  // namespace kiosk::ui
