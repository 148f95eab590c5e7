#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/text/utf8.hpp"

namespace {

nlohmann::json readStrings(const char* lang, std::string& raw) {
    std::ifstream in(std::filesystem::path(KIOSK_SOURCE_ASSETS_DIR) / "i18n" / lang / "guidance.json");
    std::ostringstream s;
    s << in.rdbuf();
    raw = s.str();
    return nlohmann::json::parse(raw);
}

}  // namespace

// The guidance screens' strings: flat tables, same keys in both languages, NFC, "guidance." prefix.
TEST(GuidanceStringsTest, BothLanguagesHaveTheSameKeysInNfc) {
    std::string rawVi;
    std::string rawEn;
    auto vi = readStrings("vi", rawVi);
    auto en = readStrings("en", rawEn);
    ASSERT_TRUE(vi.is_object());
    ASSERT_TRUE(en.is_object());
    EXPECT_EQ(kiosk::core::text::toNfc(rawVi).value_or(""), rawVi);
    EXPECT_EQ(kiosk::core::text::toNfc(rawEn).value_or(""), rawEn);
    EXPECT_EQ(vi.size(), en.size());
    for (const auto& [key, value] : vi.items()) {
        EXPECT_TRUE(key.starts_with("guidance.")) << key;
        ASSERT_TRUE(value.is_string()) << key;
        EXPECT_FALSE(value.get<std::string>().empty()) << key;
        ASSERT_TRUE(en.contains(key)) << "English lacks " << key;
        EXPECT_FALSE(en[key].get<std::string>().empty()) << key;
    }
    for (const char* key : {"guidance.home.title", "guidance.search.placeholder", "guidance.search.no_results",
                            "guidance.detail.print", "guidance.detail.open_on_phone", "guidance.unavailable"}) {
        EXPECT_TRUE(vi.contains(key)) << key;
    }
    EXPECT_EQ(en["guidance.search.no_results"], "No results — try fewer words");
    EXPECT_EQ(vi["guidance.detail.print"], "In phiếu hướng dẫn");  // the printout is a "phiếu" everywhere
}
