#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/guidance/guidance_search.hpp"

using namespace kiosk::core::guidance;

namespace {

// The real bundled catalog: search quality is about the content citizens will actually see.
const GuidanceCatalog& bundled() {
    static const GuidanceCatalog catalog = [] {
        auto loaded = loadCatalog(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/guidance");
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return loaded->catalog;
    }();
    return catalog;
}

const GuidanceSearchIndex& index() {
    static const GuidanceSearchIndex ix(bundled());
    return ix;
}

std::vector<std::string> ids(std::string_view query, std::size_t limit = 50) {
    std::vector<std::string> out;
    for (const auto& hit : index().search(query, limit)) out.push_back(bundled().entries[hit.entryIndex].id);
    return out;
}

struct FirstResult {
    const char* query;
    const char* expected;
};

class SearchFirstResultTest : public ::testing::TestWithParam<FirstResult> {};

}  // namespace

TEST_P(SearchFirstResultTest, BestHitIsTheExpectedEntry) {
    const auto& [query, expected] = GetParam();
    auto found = ids(query);
    ASSERT_FALSE(found.empty()) << "no result for \"" << query << "\"";
    EXPECT_EQ(found.front(), expected) << "query \"" << query << "\"";
}

// What citizens type on the kiosk: with and without diacritics, any case, partial last words,
// one typo in longer words, English, synonyms from the keywords.
INSTANTIATE_TEST_SUITE_P(
    Queries, SearchFirstResultTest,
    ::testing::Values(
        // Vietnamese without diacritics (the issue's own examples first).
        FirstResult{"ly lich tu phap", "phieu-ly-lich-tu-phap"}, FirstResult{"ly lich", "phieu-ly-lich-tu-phap"},
        FirstResult{"khai sinh", "dang-ky-khai-sinh"}, FirstResult{"dang ky thuong tru", "dang-ky-thuong-tru"},
        FirstResult{"tam tru", "dang-ky-tam-tru"}, FirstResult{"ket hon", "dang-ky-ket-hon"},
        FirstResult{"khai tu", "dang-ky-khai-tu"}, FirstResult{"ho chieu", "cap-ho-chieu-pho-thong"},
        FirstResult{"giay phep lai xe", "cap-doi-giay-phep-lai-xe"},
        FirstResult{"giay phep xay dung", "giay-phep-xay-dung-nha-o"},
        FirstResult{"ho kinh doanh", "dang-ky-ho-kinh-doanh"},
        FirstResult{"tinh trang hon nhan", "xac-nhan-tinh-trang-hon-nhan"},
        FirstResult{"chung thuc ban sao", "chung-thuc-ban-sao-dien-tu"},
        FirstResult{"bao hiem y te", "cap-lai-the-bhyt"}, FirstResult{"that nghiep", "tro-cap-that-nghiep"},
        FirstResult{"trich luc", "trich-luc-ho-tich"},
        // With diacritics and odd case.
        FirstResult{"Lý lịch tư pháp", "phieu-ly-lich-tu-phap"}, FirstResult{"ĐĂNG KÝ KHAI SINH", "dang-ky-khai-sinh"},
        FirstResult{"Hộ chiếu", "cap-ho-chieu-pho-thong"}, FirstResult{"bảo hiểm xã hội một lần", "bhxh-mot-lan"},
        FirstResult{"  Đăng   ký  THƯỜNG trú ", "dang-ky-thuong-tru"},
        // Synonyms and abbreviations from the keywords.
        FirstResult{"so do", "dang-ky-bien-dong-dat-dai"}, FirstResult{"bang lai", "cap-doi-giay-phep-lai-xe"},
        FirstResult{"ho khau", "dang-ky-thuong-tru"}, FirstResult{"doc than", "xac-nhan-tinh-trang-hon-nhan"},
        FirstResult{"rut bhxh", "bhxh-mot-lan"}, FirstResult{"vneid", "tai-khoan-vneid"},
        FirstResult{"tra cuu ho so", "theo-doi-ho-so"}, FirstResult{"nop phi", "thanh-toan-truc-tuyen"},
        FirstResult{"LLTP", "phieu-ly-lich-tu-phap"},
        // Prefixes of the last word, as the citizen types.
        FirstResult{"ly li", "phieu-ly-lich-tu-phap"}, FirstResult{"khai si", "dang-ky-khai-sinh"},
        FirstResult{"thuong t", "dang-ky-thuong-tru"}, FirstResult{"hon nh", "xac-nhan-tinh-trang-hon-nhan"},
        FirstResult{"pass", "cap-ho-chieu-pho-thong"},
        // One typo in words of five letters or more.
        FirstResult{"thuogn tru", "dang-ky-thuong-tru"}, FirstResult{"nghiep that", "tro-cap-that-nghiep"},
        FirstResult{"chungg thuc", "chung-thuc-ban-sao-dien-tu"}, FirstResult{"pasport", "cap-ho-chieu-pho-thong"},
        FirstResult{"marriage registation", "dang-ky-ket-hon"},
        // English.
        FirstResult{"judicial record", "phieu-ly-lich-tu-phap"}, FirstResult{"birth registration", "dang-ky-khai-sinh"},
        FirstResult{"criminal record", "phieu-ly-lich-tu-phap"}, FirstResult{"driving licence", "cap-doi-giay-phep-lai-xe"},
        FirstResult{"construction permit", "giay-phep-xay-dung-nha-o"},
        FirstResult{"temporary residence", "dang-ky-tam-tru"}, FirstResult{"health insurance", "cap-lai-the-bhyt"},
        FirstResult{"death", "dang-ky-khai-tu"}, FirstResult{"pay fees online", "thanh-toan-truc-tuyen"},
        FirstResult{"Follow a dossier", "theo-doi-ho-so"}));

TEST(GuidanceSearchTest, TypingLetterByLetterKeepsTheEntryOnTop) {
    // The demo: a citizen types "ly lich tu phap" on the on-screen keyboard, one key per frame.
    const std::string typed = "ly lich tu phap";
    for (std::size_t n = 4; n <= typed.size(); ++n) {
        auto found = ids(typed.substr(0, n));
        ASSERT_FALSE(found.empty()) << typed.substr(0, n);
        EXPECT_EQ(found.front(), "phieu-ly-lich-tu-phap") << typed.substr(0, n);
    }
    const std::string residence = "dang ky thuong tru";
    for (std::size_t n = 9; n <= residence.size(); ++n) {
        auto found = ids(residence.substr(0, n));
        ASSERT_FALSE(found.empty()) << residence.substr(0, n);
        EXPECT_EQ(found.front(), "dang-ky-thuong-tru") << residence.substr(0, n);
    }
}

TEST(GuidanceSearchTest, TitleMatchesRankBeforeOtherFields) {
    // "tam tru" is in the temporary residence title, and only in the body/keywords of others.
    auto found = ids("tam tru");
    ASSERT_GE(found.size(), 1U);
    EXPECT_EQ(found[0], "dang-ky-tam-tru");
    auto hits = index().search("tam tru");
    EXPECT_EQ(hits.front().tier, MatchTier::Title);
    for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i].tier, hits[i - 1].tier) << i;
}

TEST(GuidanceSearchTest, EmptyOrPunctuationQueryFindsNothing) {
    EXPECT_TRUE(index().search("").empty());
    EXPECT_TRUE(index().search("   ").empty());
    EXPECT_TRUE(index().search("?!,.").empty());
}

TEST(GuidanceSearchTest, OnlyTheFirstTwelveWordsCount) {
    std::string twelve = "dang ky thuong tru dang ky thuong tru dang ky thuong tru";
    EXPECT_EQ(ids(twelve).front(), "dang-ky-thuong-tru");
    EXPECT_EQ(ids(twelve + " zzzz zzzz").front(), "dang-ky-thuong-tru") << "words past twelve are ignored";
    EXPECT_TRUE(ids(twelve.substr(0, twelve.size() - 4) + "zzzz").empty());
    std::string pasted;
    for (int i = 0; i < 2000; ++i) pasted += "khai sinh ";
    EXPECT_EQ(ids(pasted).front(), "dang-ky-khai-sinh");
}

TEST(GuidanceSearchTest, NonsenseFindsNothing) {
    EXPECT_TRUE(ids("xyzzy qwerty").empty());
    EXPECT_TRUE(ids("ly lich zzzzzz").empty()) << "every word must match";
}

TEST(GuidanceSearchTest, LimitCapsResults) {
    EXPECT_GT(ids("dang ky").size(), 3U);
    EXPECT_EQ(ids("dang ky", 3).size(), 3U);
    EXPECT_TRUE(ids("dang ky", 0).empty());
}

TEST(GuidanceSearchTest, TrailingSpaceEndsPrefixMatching) {
    // "khai sin" while typing matches "khai sinh"; once a space follows, "sin" is a whole word.
    EXPECT_FALSE(ids("khai sin").empty());
    EXPECT_EQ(ids("khai sin").front(), "dang-ky-khai-sinh");
    EXPECT_TRUE(ids("khai sin ").empty());
}

TEST(GuidanceSearchTest, OnlyTheLastWordMatchesAsPrefix) {
    EXPECT_TRUE(ids("kha sinh").empty());
    EXPECT_FALSE(ids("sinh kha").empty());
}

TEST(GuidanceSearchTest, NoTypoToleranceInShortWords) {
    // "khai" (4 letters) with a typo is not accepted, "thuong" (6) is.
    EXPECT_TRUE(ids("khia sinh ").empty());
    EXPECT_FALSE(ids("thuongg tru").empty());
}

TEST(GuidanceSearchTest, TypoInsideTheWordBeingTyped) {
    // "registarti" is "registrati(on)" with two letters swapped, still being typed.
    auto hits = index().search("birth registarti");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(bundled().entries[hits.front().entryIndex].id, "dang-ky-khai-sinh");
    EXPECT_EQ(hits.front().typos, 1);
    EXPECT_EQ(hits.front().prefixes, 1);
    EXPECT_TRUE(ids("birth registarti ").empty()) << "a finished word gets no prefix matching";
}

TEST(GuidanceSearchTest, ExactMatchesRankBeforeTypos) {
    auto hits = index().search("thuong tru");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().typos, 0);
    auto typo = index().search("thuogn tru");
    ASSERT_FALSE(typo.empty());
    EXPECT_EQ(typo.front().typos, 1);
}

TEST(GuidanceSearchTest, PhraseInTitleIsReported) {
    auto hits = index().search("khai sinh");
    ASSERT_FALSE(hits.empty());
    EXPECT_TRUE(hits.front().phrase);
}

TEST(GuidanceSearchTest, EmptyIndexFindsNothing) {
    GuidanceSearchIndex empty;
    EXPECT_EQ(empty.size(), 0U);
    EXPECT_TRUE(empty.search("khai sinh").empty());
    EXPECT_EQ(index().size(), bundled().entries.size());
}

TEST(GuidanceSearchTest, RanksTitleThenKeywordThenBody) {
    // A synthetic catalog where the same word sits in a different field of each entry.
    auto make = [](std::string id, std::string title, std::vector<std::string> keywords, std::string summary) {
        GuidanceEntry e;
        e.id = std::move(id);
        e.category = "c";
        e.title = {title, title};
        e.summary = {summary, summary};
        e.keywords = std::move(keywords);
        e.steps = {{"Bước"}, {"Step"}};
        return e;
    };
    GuidanceCatalog c;
    c.categories.push_back(Category{"c", {"Nhóm", "Group"}, ""});
    c.entries.push_back(make("body", "Một", {"khác"}, "Có chữ ngựa ở đây"));
    c.entries.push_back(make("keyword", "Hai", {"ngựa"}, "Không"));
    c.entries.push_back(make("title", "Con ngựa", {"khác"}, "Không"));
    GuidanceSearchIndex ix(c);
    auto hits = ix.search("ngua");
    ASSERT_EQ(hits.size(), 3U);
    EXPECT_EQ(c.entries[hits[0].entryIndex].id, "title");
    EXPECT_EQ(hits[0].tier, MatchTier::Title);
    EXPECT_EQ(c.entries[hits[1].entryIndex].id, "keyword");
    EXPECT_EQ(hits[1].tier, MatchTier::Keyword);
    EXPECT_EQ(c.entries[hits[2].entryIndex].id, "body");
    EXPECT_EQ(hits[2].tier, MatchTier::Body);
    // A shorter title wins a tie.
    c.entries.push_back(make("long", "Con ngựa trắng rất đẹp", {}, "x"));
    c.entries.insert(c.entries.begin(), make("long2", "Con ngựa ô của nhà bên", {}, "x"));
    GuidanceSearchIndex ix2(c);
    auto tie = ix2.search("ngua");
    ASSERT_GE(tie.size(), 3U);
    EXPECT_EQ(c.entries[tie[0].entryIndex].id, "title");
}

TEST(GuidanceSearchTest, SplitWords) {
    EXPECT_EQ(splitWords("ly lich  tu"), (std::vector<std::string>{"ly", "lich", "tu"}));
    EXPECT_TRUE(splitWords("").empty());
    EXPECT_EQ(splitWords(" a "), (std::vector<std::string>{"a"}));
}

TEST(GuidanceSearchTest, WithinOneEdit) {
    EXPECT_TRUE(withinOneEdit("thuong", "thuong"));
    EXPECT_TRUE(withinOneEdit("thuong", "thuogn"));   // transposition
    EXPECT_TRUE(withinOneEdit("thuong", "thuang"));   // substitution
    EXPECT_TRUE(withinOneEdit("thuong", "thung"));    // deletion
    EXPECT_TRUE(withinOneEdit("thung", "thuong"));    // insertion
    EXPECT_TRUE(withinOneEdit("thuong", "thuongx"));  // insertion at the end
    EXPECT_TRUE(withinOneEdit("", "a"));
    EXPECT_FALSE(withinOneEdit("thuong", "thnuog"));  // two edits
    EXPECT_FALSE(withinOneEdit("thuong", "th"));
    EXPECT_FALSE(withinOneEdit("abcd", "badc"));
    EXPECT_FALSE(withinOneEdit("abcde", "abxde1"));
}

// "ly lich" is the judicial record: words scattered over another entry's body ("quản lý" in one step,
// "du lịch" in the summary of the passport) do not make it a result.
TEST(GuidanceSearchTest, ScatteredBodyWordsAreNotAMatch) {
    for (const char* query : {"ly lich", "ly lich "}) {
        const auto found = ids(query, 20);
        ASSERT_FALSE(found.empty()) << query;
        EXPECT_EQ(found.front(), "phieu-ly-lich-tu-phap") << query;
        EXPECT_EQ(std::count(found.begin(), found.end(), "cap-ho-chieu-pho-thong"), 0) << query;
        EXPECT_EQ(std::count(found.begin(), found.end(), "theo-doi-ho-so"), 0) << query;
    }
}
