#include "kiosk/core/i18n/string_table.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/text/utf8.hpp"

using namespace kiosk::core;

namespace {

const std::filesystem::path kI18n = std::filesystem::path(KIOSK_SOURCE_ASSETS_DIR) / "i18n";

bool isNfc(const std::string& s) {
    const auto nfc = text::toNfc(s);
    return nfc && *nfc == s;
}

}  // namespace

TEST(StringTableTest, LooksUpAndSubstitutes) {
    StringTable t;
    ASSERT_TRUE(t.addJson(R"({"status.due.overdue": "Đã quá hạn {days} ngày", "a.b": "x"})", "vi/status.json"));
    EXPECT_EQ(t.size(), 2u);
    EXPECT_TRUE(t.contains("a.b"));
    EXPECT_EQ(t.text("a.b"), "x");
    EXPECT_EQ(t.format("status.due.overdue", {{"days", "3"}}), "Đã quá hạn 3 ngày");
    EXPECT_EQ(t.format("status.due.overdue", {{"other", "3"}}), "Đã quá hạn {days} ngày");
    EXPECT_EQ(substitute("{a}{b}{ {a", {{"a", "1"}, {"b", "2"}}), "12{ {a");
    EXPECT_EQ(t.keys(), (std::vector<std::string>{"a.b", "status.due.overdue"}));
    EXPECT_TRUE(t.missingKeys().empty());
}

TEST(StringTableTest, MissingKeyIsVisibleAndReported) {
    StringTable t;
    EXPECT_EQ(t.text("ui.nope"), "⟦ui.nope⟧");
    EXPECT_EQ(t.format("ui.other", {}), "⟦ui.other⟧");
    EXPECT_EQ(t.missingKeys().size(), 2u);
    EXPECT_TRUE(t.missingKeys().contains("ui.nope"));
}

TEST(StringTableTest, RejectsBadFilesNamingThem) {
    StringTable t;
    ASSERT_TRUE(t.addJson(R"({"ui.a": "A"})", "ui.json"));
    auto dup = t.addJson(R"({"ui.b": "B", "ui.a": "again"})", "more.json");
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().kind, ErrorKind::Parse);
    EXPECT_NE(dup.error().message.find("more.json"), std::string::npos);
    EXPECT_NE(dup.error().message.find("ui.a"), std::string::npos);
    EXPECT_NE(dup.error().message.find("ui.json"), std::string::npos);
    EXPECT_FALSE(t.contains("ui.b"));  // a bad file adds nothing
    EXPECT_FALSE(t.addJson("{not json", "x.json"));
    EXPECT_FALSE(t.addJson("[1,2]", "x.json"));
    auto notString = t.addJson(R"({"ui.n": 3})", "n.json");
    ASSERT_FALSE(notString);
    EXPECT_NE(notString.error().message.find("ui.n"), std::string::npos);
}

TEST(StringTableTest, LoaderReportsMissingFolderAndBadFile) {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk_i18n_test";
    std::filesystem::remove_all(dir);
    auto none = loadStringTable(dir, Language::Vi);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().kind, ErrorKind::Io);
    std::filesystem::create_directories(dir / "vi");
    EXPECT_FALSE(loadStringTable(dir, Language::Vi));  // no json files
    std::ofstream(dir / "vi" / "a.json") << R"({"a.x": "một"})";
    std::ofstream(dir / "vi" / "b.json") << R"({"a.x": "hai"})";
    auto dup = loadStringTable(dir, Language::Vi);
    ASSERT_FALSE(dup);
    EXPECT_NE(dup.error().message.find("b.json"), std::string::npos);
    std::ofstream(dir / "vi" / "b.json") << R"({"b.x": "hai"})";
    auto ok = loadStringTable(dir, Language::Vi);
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->text("a.x"), "một");
    EXPECT_EQ(ok->text("b.x"), "hai");
    std::filesystem::remove_all(dir);
}

TEST(StringTableTest, NfcCheckDetectsDecomposedText) {
    EXPECT_TRUE(isNfc("Nguyễn"));
    EXPECT_FALSE(isNfc("Nguye\xCC\x82\xCC\x83n"));  // e + combining circumflex + tilde
}

TEST(StringTableTest, RealAssetsHaveSameKeysInBothLanguagesAndAreNfc) {
    auto vi = loadStringTable(kI18n, Language::Vi);
    auto en = loadStringTable(kI18n, Language::En);
    ASSERT_TRUE(vi) << vi.error().message;
    ASSERT_TRUE(en) << en.error().message;
    for (const auto& key : vi->keys()) EXPECT_TRUE(en->contains(key)) << "missing in en: " << key;
    for (const auto& key : en->keys()) EXPECT_TRUE(vi->contains(key)) << "missing in vi: " << key;
    for (const auto* table : {&*vi, &*en}) {
        for (const auto& key : table->keys()) {
            const auto text = table->text(key);
            EXPECT_FALSE(text.empty()) << key;
            EXPECT_TRUE(isNfc(text)) << "not NFC: " << key;
            EXPECT_NE(key.find('.'), std::string::npos) << "keys are <area>.<name>: " << key;
        }
    }
}

TEST(StringTableTest, EveryStatusHasTitleExplanationAndNextStep) {
    for (auto lang : {Language::Vi, Language::En}) {
        auto t = loadStringTable(kI18n, lang);
        ASSERT_TRUE(t);
        for (int code = 0; code <= 10; ++code) {
            for (const char* part : {"title", "official", "explain", "next"}) {
                const auto key = "status." + std::to_string(code) + "." + part;
                EXPECT_TRUE(t->contains(key)) << toString(lang) << ": " << key;
            }
        }
        EXPECT_EQ(t->text("status." + std::to_string(static_cast<int>(statusFromCode(99))) + ".title"),
                  lang == Language::Vi ? "Chưa rõ tình trạng" : "Status unknown");
    }
    auto vi = loadStringTable(kI18n, Language::Vi);
    // Banners use the plain labels; the national portal's names stay as "official".
    EXPECT_EQ(vi->text("status.5.title"), "Cần bổ sung giấy tờ");
    EXPECT_EQ(vi->text("status.5.official"), "Yêu cầu bổ sung giấy tờ");
    EXPECT_EQ(vi->text("status.6.title"), "Cần nộp phí, lệ phí");
    EXPECT_EQ(vi->text("status.10.title"), "Đã trả kết quả");
}

TEST(StringTableTest, StatusAndDueKeysExistInAssets) {
    auto vi = loadStringTable(kI18n, Language::Vi);
    ASSERT_TRUE(vi);
    EXPECT_EQ(statusTextKey(DossierStatus::NeedsDocuments, "title"), "status.5.title");
    EXPECT_EQ(vi->text(statusTextKey(DossierStatus::Unknown, "next")),
              "Ông/bà vui lòng hỏi cán bộ tại quầy tiếp nhận và trả kết quả để được hỗ trợ.");
    for (auto kind : {DueKind::NoDueDate, DueKind::OnTime, DueKind::DueToday, DueKind::Overdue,
                      DueKind::FinishedOnTime, DueKind::FinishedLate}) {
        EXPECT_TRUE(vi->contains(dueTextKey(kind))) << dueTextKey(kind);
    }
    EXPECT_EQ(vi->format(dueTextKey(DueKind::Overdue), {{"days", "2"}}), "Đã quá hạn 2 ngày");
}
