#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "kiosk/core/guidance/guidance_library.hpp"

using namespace kiosk::core::guidance;

namespace {

GuidanceEntry entry(std::string id, std::string category, std::string title) {
    GuidanceEntry e;
    e.id = std::move(id);
    e.category = std::move(category);
    e.title = {title, title};
    e.steps = {{"Bước"}, {"Step"}};
    return e;
}

GuidanceCatalog smallCatalog() {
    GuidanceCatalog c;
    c.version = 3;
    c.categories = {Category{"empty", {"Trống", "Empty"}, ""}, Category{"family", {"Gia đình", "Family"}, ""},
                    Category{"justice", {"Tư pháp", "Justice"}, ""}};
    c.entries = {entry("khai-sinh", "family", "Đăng ký khai sinh"), entry("ly-lich", "justice", "Lý lịch tư pháp"),
                 entry("ket-hon", "family", "Đăng ký kết hôn")};
    return c;
}

}  // namespace

TEST(GuidanceLibraryTest, EmptyLibraryShowsNothing) {
    GuidanceLibrary library;
    EXPECT_TRUE(library.empty());
    EXPECT_TRUE(library.search("khai sinh").empty());
    EXPECT_TRUE(library.categoriesWithEntries().empty());
    EXPECT_EQ(library.find("khai-sinh"), nullptr);
}

TEST(GuidanceLibraryTest, SearchReturnsEntriesOfItsOwnCatalog) {
    GuidanceLibrary library(smallCatalog());
    EXPECT_FALSE(library.empty());
    auto found = library.search("ly lich");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0]->id, "ly-lich");
    EXPECT_EQ(found[0], library.find("ly-lich")) << "pointers into the library's own catalog";
    auto both = library.search("dang ky", 1);
    ASSERT_EQ(both.size(), 1U);
}

TEST(GuidanceLibraryTest, SurvivesMoves) {
    GuidanceLibrary first(smallCatalog());
    GuidanceLibrary moved = std::move(first);
    auto found = moved.search("ket hon");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0]->id, "ket-hon");
    EXPECT_EQ(found[0], moved.find("ket-hon"));
}

TEST(GuidanceLibraryTest, TilesAreCategoriesWithEntriesInOrder) {
    GuidanceLibrary library(smallCatalog());
    auto tiles = library.categoriesWithEntries();
    ASSERT_EQ(tiles.size(), 2U);
    EXPECT_EQ(tiles[0]->id, "family");
    EXPECT_EQ(tiles[1]->id, "justice");
    auto family = library.entriesIn("family");
    ASSERT_EQ(family.size(), 2U);
    EXPECT_EQ(family[0]->id, "khai-sinh");
    EXPECT_EQ(family[1]->id, "ket-hon");
    EXPECT_EQ(library.catalog().version, 3);
}
