#include <gtest/gtest.h>

#include "kiosk/ui/code_entry.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/strings.hpp"
#include "tests/ui/fixtures.hpp"

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

TEST(ResultViewBuilderTest, DaysLeftOverdueAndAmounts) {
    Strings t;
    t.set("screens.result.days_left", "{days} days left");
    t.set("screens.result.overdue", "{days} days late");
    t.set("screens.result.apology", "Sorry");
    t.set("status.5.title", "Documents needed");
    t.set("status.5.explain", "The office needs more papers.");
    t.set("status.5.next", "Bring them to counter 3.");
    Chrome chrome;
    chrome.text = &t;
    const auto now = test::fixtureNow();
    const ResultView processing = buildResultView(test::processingDossier(), chrome, now, false, std::nullopt);
    EXPECT_EQ(processing.dueLine, "4 days left");
    EXPECT_FALSE(processing.overdue);
    EXPECT_EQ(processing.tone, StatusTone::InProgress);
    EXPECT_EQ(processing.received, "20/11/2026");
    EXPECT_EQ(processing.history.front().time, "20/11/2026 08:15");
    const ResultView late = buildResultView(test::needsDocumentsDossier(), chrome, now, false, 1);
    EXPECT_EQ(late.dueLine, "3 days late");
    EXPECT_TRUE(late.overdue);
    EXPECT_EQ(late.apology, "Sorry");
    EXPECT_EQ(late.statusLabel, "Documents needed");
    EXPECT_EQ(late.explanation, "The office needs more papers.");
    EXPECT_EQ(late.nextStep, "Bring them to counter 3.");
    EXPECT_TRUE(processing.explanation.empty());  // no table entry: nothing invented
    EXPECT_EQ(late.rating, 1);
    const ResultView done = buildResultView(test::doneDossier(), chrome, now, false, std::nullopt);
    EXPECT_TRUE(done.dueLine.empty());  // no days left once processed
    EXPECT_EQ(formatVnd(1200000, Language::Vi), "1.200.000 ₫");
    EXPECT_EQ(formatVnd(100000, Language::En), "100,000 ₫");
    EXPECT_EQ(formatVnd(0, Language::Vi), "0 ₫");
}

TEST(ResultViewBuilderTest, FollowUrlCarriesOnlyTheDossierCode) {
    const std::string code = "000.00.06.H56-231027-0361";
    EXPECT_EQ(followUrlFor("https://dvc.gov.vn/portaldvc/tra-cuu?SGT=001099012345&MHS=000.00.06.H56-231027-0361", code),
              "https://dvc.gov.vn/portaldvc/tra-cuu?MHS=000.00.06.H56-231027-0361");
    EXPECT_EQ(followUrlFor("https://dvc.gov.vn/tra-cuu?MHS=000.00.06.H56-231027-0361#name=Nguyen", code),
              "https://dvc.gov.vn/tra-cuu?MHS=000.00.06.H56-231027-0361");
    EXPECT_EQ(followUrlFor("https://dvc.gov.vn/ho-so/000.00.06.H56-231027-0361", code),
              "https://dvc.gov.vn/ho-so/000.00.06.H56-231027-0361");
    EXPECT_EQ(followUrlFor("https://dvc.gov.vn/apiqr/qr?id=8f14e45f-ceea-467f", code), "");
    EXPECT_EQ(followUrlFor("javascript:alert(1)?MHS=000.00.06.H56-231027-0361", code), "");
    EXPECT_EQ(followUrlFor("", code), "");
    // The fixture dossiers' URLs survive intact.
    const core::Dossier d = test::processingDossier();
    EXPECT_EQ(followUrlFor(d.publicLookupUrl, d.code), d.publicLookupUrl);
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
