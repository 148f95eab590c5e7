// Guidance views from the bundled catalog: tiles and lists in catalog order, search without
// diacritics, every detail field in the chosen language, and the empty-catalog state.
#include <gtest/gtest.h>

#include "kiosk/ui/guidance_view_builder.hpp"
#include "kiosk/ui/strings.hpp"
#include "tests/ui/guidance_fixtures.hpp"

namespace kiosk::ui {
namespace {

class GuidanceViewBuilderTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* lang : {"vi", "en"}) {
            auto loaded = loadStringTables(KIOSK_SOURCE_ASSETS_DIR, lang);
            ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
            (std::string(lang) == "vi" ? m_vi : m_en) = std::move(*loaded);
        }
    }
    Chrome chrome(Language language) const {
        Chrome c;
        c.text = language == Language::Vi ? &m_vi : &m_en;
        c.language = language;
        return c;
    }
    Strings m_vi;
    Strings m_en;
};

TEST_F(GuidanceViewBuilderTest, HomeShowsAllFirstThenCategoriesWithEntries) {
    const auto& library = test::bundledGuidance();
    const GuidanceHomeView v = buildGuidanceHomeView(library, chrome(Language::Vi), "");
    EXPECT_TRUE(v.available);
    ASSERT_EQ(v.tiles.size(), library.categoriesWithEntries().size() + 1);
    EXPECT_EQ(v.tiles[0].id, "");
    EXPECT_EQ(v.tiles[0].name, "Tất cả");
    EXPECT_EQ(v.tiles[0].entries, static_cast<int>(library.catalog().entries.size()));
    EXPECT_EQ(v.tiles[1].id, library.categoriesWithEntries()[0]->id);
    EXPECT_EQ(v.selectedCategory, "");
    EXPECT_EQ(v.listTitle, "Tất cả thủ tục và hướng dẫn");
    EXPECT_EQ(v.entries.size(), library.catalog().entries.size());
    EXPECT_EQ(v.entries[0].id, library.catalog().entries[0].id);
}

TEST_F(GuidanceViewBuilderTest, HomeListsTheChosenCategoryAndFallsBackToAllForAStaleId) {
    const auto& library = test::bundledGuidance();
    const GuidanceHomeView v = buildGuidanceHomeView(library, chrome(Language::Vi), "justice");
    EXPECT_EQ(v.selectedCategory, "justice");
    EXPECT_EQ(v.listTitle, "Tư pháp và chứng thực");
    ASSERT_EQ(v.entries.size(), library.entriesIn("justice").size());
    EXPECT_EQ(v.entries[0].id, test::kJudicialRecordId);
    EXPECT_EQ(v.entries[0].title, "Cấp Phiếu lý lịch tư pháp");
    EXPECT_EQ(v.entries[0].detail, "Tư pháp và chứng thực · Làm hoàn toàn trực tuyến");

    const GuidanceHomeView stale = buildGuidanceHomeView(library, chrome(Language::En), "no-such-topic");
    EXPECT_EQ(stale.selectedCategory, "");
    EXPECT_EQ(stale.listTitle, "All procedures and guides");
    EXPECT_EQ(stale.entries.size(), library.catalog().entries.size());
}

TEST_F(GuidanceViewBuilderTest, SearchWithoutDiacriticsFindsTheJudicialRecordFirst) {
    const auto& library = test::bundledGuidance();
    const GuidanceSearchView v = buildGuidanceSearchView(library, chrome(Language::Vi), "ly lich");
    EXPECT_EQ(v.query, "ly lich");
    ASSERT_FALSE(v.results.empty());
    EXPECT_EQ(v.results[0].id, test::kJudicialRecordId);
    EXPECT_EQ(v.results[0].title, "Cấp Phiếu lý lịch tư pháp");
    // With diacritics, and in English, the same entry comes first.
    EXPECT_EQ(buildGuidanceSearchView(library, chrome(Language::En), "lý lịch").results.at(0).title,
              "Judicial record certificate");
    EXPECT_TRUE(buildGuidanceSearchView(library, chrome(Language::Vi), "").results.empty());
    EXPECT_TRUE(buildGuidanceSearchView(library, chrome(Language::Vi), "zzqx wwvv").results.empty());
    EXPECT_LE(buildGuidanceSearchView(library, chrome(Language::Vi), "a", 3).results.size(), 3u);
}

TEST_F(GuidanceViewBuilderTest, DetailCarriesEveryFieldInTheChosenLanguage) {
    const auto& library = test::bundledGuidance();
    const auto* entry = library.find(test::kJudicialRecordId);
    ASSERT_NE(entry, nullptr);
    const GuidanceDetailView vi =
        buildGuidanceDetailView(*entry, library.catalog(), chrome(Language::Vi), true, PrintProgress::Printed);
    EXPECT_EQ(vi.id, test::kJudicialRecordId);
    EXPECT_EQ(vi.title, "Cấp Phiếu lý lịch tư pháp");
    EXPECT_EQ(vi.category, "Tư pháp và chứng thực");
    EXPECT_FALSE(vi.guide);
    EXPECT_TRUE(vi.fullyOnline);
    EXPECT_TRUE(vi.onlineNote.empty());
    EXPECT_EQ(vi.summary, entry->summary.vi);
    EXPECT_EQ(vi.who, entry->who.vi);
    EXPECT_NE(vi.login.find("VNeID"), std::string::npos);
    EXPECT_EQ(vi.steps, entry->steps.vi);
    EXPECT_EQ(vi.documents, entry->documents.vi);
    EXPECT_EQ(vi.fees, entry->fees.vi);
    EXPECT_EQ(vi.payment, entry->payment.vi);
    EXPECT_EQ(vi.processingTime, entry->processingTime.vi);
    EXPECT_EQ(vi.result, entry->result.vi);
    EXPECT_EQ(vi.url.rfind("https://", 0), 0u);
    EXPECT_TRUE(vi.printerAvailable);
    EXPECT_EQ(vi.print, PrintProgress::Printed);

    const GuidanceDetailView en =
        buildGuidanceDetailView(*entry, library.catalog(), chrome(Language::En), false, PrintProgress::Idle);
    EXPECT_EQ(en.title, "Judicial record certificate");
    EXPECT_EQ(en.steps, entry->steps.en);
    EXPECT_FALSE(en.printerAvailable);
}

TEST_F(GuidanceViewBuilderTest, GuidesAndPartlyOnlineProceduresAreLabelled) {
    const auto& library = test::bundledGuidance();
    for (const auto& entry : library.catalog().entries) {
        SCOPED_TRACE(entry.id);
        const GuidanceDetailView v = buildGuidanceDetailView(entry, library.catalog(), chrome(Language::Vi), false,
                                                             PrintProgress::Idle);
        const GuideRow row = buildGuideRow(entry, library.catalog(), chrome(Language::Vi));
        if (entry.kind == core::guidance::EntryKind::Guide) {
            EXPECT_TRUE(v.guide);
            EXPECT_NE(row.detail.find("Hướng dẫn chung"), std::string::npos);
        } else if (entry.online == core::guidance::OnlineLevel::Partial) {
            EXPECT_FALSE(v.fullyOnline);
            EXPECT_FALSE(v.onlineNote.empty());
            EXPECT_NE(row.detail.find("Trực tuyến một phần"), std::string::npos);
        }
        EXPECT_FALSE(v.steps.empty());
    }
}

TEST_F(GuidanceViewBuilderTest, AnEmptyCatalogIsNotAvailable) {
    const core::guidance::GuidanceLibrary empty;
    const GuidanceHomeView v = buildGuidanceHomeView(empty, chrome(Language::Vi), "");
    EXPECT_FALSE(v.available);
    EXPECT_TRUE(v.entries.empty());
    EXPECT_TRUE(buildGuidanceSearchView(empty, chrome(Language::Vi), "ly lich").results.empty());
}

}  // namespace
}  // namespace kiosk::ui
