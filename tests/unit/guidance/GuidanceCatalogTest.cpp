#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/text/utf8.hpp"

using namespace kiosk::core;
using namespace kiosk::core::guidance;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kAssets = fs::path(KIOSK_SOURCE_ASSETS_DIR) / "guidance";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

json validEntry(const std::string& id) {
    return json{
        {"id", id},
        {"kind", "procedure"},
        {"category", "family"},
        {"title", {{"vi", "Đăng ký khai sinh"}, {"en", "Birth registration"}}},
        {"summary", {{"vi", "Để có giấy khai sinh."}, {"en", "To get a birth certificate."}}},
        {"who", {{"vi", "Cha, mẹ."}, {"en", "Parents."}}},
        {"online", "full"},
        {"login", {{"vi", "Tài khoản VNeID mức độ 2."}, {"en", "Level 2 VNeID account."}}},
        {"steps", {{"vi", {"Đăng nhập.", "Nộp hồ sơ."}}, {"en", {"Log in.", "Submit."}}}},
        {"documents", {{"vi", {"Giấy chứng sinh."}}, {"en", {"Birth notice."}}}},
        {"fees", {{"vi", "Miễn phí."}, {"en", "Free."}}},
        {"payment", {{"vi", "Không phải trả."}, {"en", "Nothing to pay."}}},
        {"processing_time", {{"vi", "Trong ngày."}, {"en", "Same day."}}},
        {"result", {{"vi", "Bản điện tử."}, {"en", "Electronic copy."}}},
        {"url", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"},
        {"keywords", {"khai sinh", "birth"}},
    };
}

json catalogWith(json entries) {
    return json{{"format", 1},
                {"version", 5},
                {"categories", json::array({json{{"id", "family"}, {"name", {{"vi", "Gia đình"}, {"en", "Family"}}}}})},
                {"entries", std::move(entries)}};
}

// Parses a catalog whose first entry is `broken` and second a valid one; the valid one must load.
LoadedCatalog parseWithBroken(const json& broken) {
    auto loaded = parseCatalog(catalogWith(json::array({broken, validEntry("good-one")})).dump(), "test.json");
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().message);
    if (!loaded) return {};
    EXPECT_EQ(loaded->catalog.entries.size(), 1U);
    if (!loaded->catalog.entries.empty()) {
        EXPECT_EQ(loaded->catalog.entries[0].id, "good-one") << "the rest of the catalog still loads";
    }
    return *loaded;
}

struct BrokenCase {
    const char* name;
    std::function<void(json&)> mutate;
    const char* entry;    // expected CatalogIssue::entry
    const char* field;    // expected CatalogIssue::field
    const char* message;  // expected substring of the message
};

class BrokenEntryTest : public ::testing::TestWithParam<BrokenCase> {};

}  // namespace

// ---- The bundled catalog -------------------------------------------------------------------------

TEST(GuidanceCatalogTest, BundledCatalogLoadsWithoutIssues) {
    auto loaded = loadCatalog(kAssets);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    for (const auto& issue : loaded->issues) ADD_FAILURE() << issue.text();
    const auto& c = loaded->catalog;
    EXPECT_GT(c.version, 0);
    int procedures = 0;
    int guides = 0;
    for (const auto& e : c.entries) (e.kind == EntryKind::Procedure ? procedures : guides)++;
    EXPECT_GE(procedures, 15);
    EXPECT_GE(guides, 3);
    for (const char* id : {"tai-khoan-vneid", "thanh-toan-truc-tuyen", "theo-doi-ho-so", "phieu-ly-lich-tu-phap",
                           "dang-ky-khai-sinh", "dang-ky-thuong-tru", "dang-ky-tam-tru", "cap-doi-giay-phep-lai-xe",
                           "dang-ky-ho-kinh-doanh", "xac-nhan-tinh-trang-hon-nhan", "chung-thuc-ban-sao-dien-tu",
                           "dang-ky-bien-dong-dat-dai", "giay-phep-xay-dung-nha-o"}) {
        EXPECT_NE(c.find(id), nullptr) << id;
    }
}

TEST(GuidanceCatalogTest, BundledEntriesAreCompleteInBothLanguages) {
    auto loaded = loadCatalog(kAssets / "catalog.json");
    ASSERT_TRUE(loaded.has_value());
    for (const auto& e : loaded->catalog.entries) {
        SCOPED_TRACE(e.id);
        EXPECT_NE(e.title.vi, e.title.en);
        EXPECT_NE(e.login.vi.find("VNeID"), std::string::npos);
        EXPECT_NE(e.login.en.find("VNeID"), std::string::npos);
        EXPECT_GE(e.steps.size(), 3U);
        EXPECT_TRUE(e.url.starts_with("https://"));
        EXPECT_FALSE(e.keywords.empty());
        if (e.kind == EntryKind::Procedure) {
            for (const auto* t : {&e.who, &e.fees, &e.payment, &e.processingTime, &e.result}) {
                EXPECT_FALSE(t->vi.empty());
                EXPECT_FALSE(t->en.empty());
            }
            EXPECT_FALSE(e.documents.empty());
        }
        // Vietnamese text really is Vietnamese: it has letters outside ASCII.
        EXPECT_NE(text::foldForSearch(e.title.vi), e.title.vi) << "title without diacritics?";
    }
}

TEST(GuidanceCatalogTest, EveryCategoryHasEntries) {
    auto loaded = loadCatalog(kAssets);
    ASSERT_TRUE(loaded.has_value());
    for (const auto& cat : loaded->catalog.categories) {
        EXPECT_FALSE(loaded->catalog.entriesIn(cat.id).empty()) << cat.id;
        EXPECT_FALSE(cat.name.vi.empty());
        EXPECT_FALSE(cat.name.en.empty());
    }
}

TEST(GuidanceCatalogTest, BundledFilesAreNfcUtf8AndAllListed) {
    auto index = json::parse(readFile(kAssets / "catalog.json"));
    std::set<std::string> listed;
    for (const auto& name : index["entries"]) listed.insert(name.get<std::string>());
    std::set<std::string> onDisk;
    for (const auto& f : fs::directory_iterator(kAssets / "entries")) {
        onDisk.insert("entries/" + f.path().filename().string());
        auto raw = readFile(f.path());
        EXPECT_TRUE(text::isValidUtf8(raw)) << f.path();
        EXPECT_EQ(text::toNfc(raw).value_or(""), raw) << f.path() << " is not NFC";
        // The file is named after its entry id.
        EXPECT_EQ(json::parse(raw)["id"].get<std::string>() + ".json", f.path().filename().string());
    }
    EXPECT_EQ(listed, onDisk) << "every entry file is listed in catalog.json and every listed file exists";
    auto raw = readFile(kAssets / "catalog.json");
    EXPECT_EQ(text::toNfc(raw).value_or(""), raw);
}

// ---- Broken entries: reported with file, entry and field, left out, the rest kept ------------------

TEST_P(BrokenEntryTest, IsReportedAndLeftOut) {
    const BrokenCase& c = GetParam();
    json entry = validEntry("bad-entry");
    c.mutate(entry);
    LoadedCatalog loaded = parseWithBroken(entry);
    ASSERT_EQ(loaded.issues.size(), 1U) << [&] {
        std::string all;
        for (const auto& i : loaded.issues) all += i.text() + "\n";
        return all;
    }();
    const CatalogIssue& issue = loaded.issues[0];
    EXPECT_EQ(issue.file, "test.json");
    EXPECT_EQ(issue.entry, c.entry);
    EXPECT_EQ(issue.field, c.field);
    EXPECT_NE(issue.message.find(c.message), std::string::npos) << issue.message;
    EXPECT_NE(issue.text().find(issue.field), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BrokenEntryTest,
    ::testing::Values(
        BrokenCase{"MissingTitle", [](json& e) { e.erase("title"); }, "bad-entry", "title", "is missing"},
        BrokenCase{"MissingEnglishTitle", [](json& e) { e["title"].erase("en"); }, "bad-entry", "title.en",
                   "missing English text"},
        BrokenCase{"MissingVietnameseSummary", [](json& e) { e["summary"].erase("vi"); }, "bad-entry", "summary.vi",
                   "missing Vietnamese text"},
        BrokenCase{"EmptyEnglishTitle", [](json& e) { e["title"]["en"] = "   "; }, "bad-entry", "title.en",
                   "must not be empty"},
        BrokenCase{"TitleWrongType", [](json& e) { e["title"] = "Khai sinh"; }, "bad-entry", "title",
                   "must be an object"},
        BrokenCase{"TitleTextWrongType", [](json& e) { e["title"]["vi"] = 42; }, "bad-entry", "title.vi",
                   "must be a string, found a number"},
        BrokenCase{"StepsWrongType", [](json& e) { e["steps"] = "Đăng nhập"; }, "bad-entry", "steps",
                   "must be an object"},
        BrokenCase{"StepsListWrongType", [](json& e) { e["steps"]["en"] = "Log in"; }, "bad-entry", "steps.en",
                   "must be a list of strings, found a string"},
        BrokenCase{"EmptySteps", [](json& e) { e["steps"]["vi"] = json::array(); }, "bad-entry", "steps.vi",
                   "must not be empty"},
        BrokenCase{"MissingEnglishSteps", [](json& e) { e["steps"].erase("en"); }, "bad-entry", "steps.en",
                   "missing English list"},
        BrokenCase{"StepCountMismatch", [](json& e) { e["steps"]["en"].push_back("Extra."); }, "bad-entry", "steps",
                   "2 Vietnamese items but 3 English"},
        BrokenCase{"StepItemWrongType", [](json& e) { e["steps"]["en"][1] = nullptr; }, "bad-entry", "steps.en[1]",
                   "found null"},
        BrokenCase{"TooManySteps", [](json& e) { e["steps"]["vi"] = json(std::vector<std::string>(21, "x")); },
                   "bad-entry", "steps.vi", "at most 20"},
        BrokenCase{"MissingSteps", [](json& e) { e.erase("steps"); }, "bad-entry", "steps", "is missing"},
        BrokenCase{"MissingDocuments", [](json& e) { e.erase("documents"); }, "bad-entry", "documents", "is missing"},
        BrokenCase{"MissingFees", [](json& e) { e.erase("fees"); }, "bad-entry", "fees", "is missing"},
        BrokenCase{"MissingProcessingTime", [](json& e) { e.erase("processing_time"); }, "bad-entry",
                   "processing_time", "is missing"},
        BrokenCase{"MissingUrl", [](json& e) { e.erase("url"); }, "bad-entry", "url", "is missing"},
        BrokenCase{"UrlWrongType", [](json& e) { e["url"] = 1; }, "bad-entry", "url", "must be a string"},
        BrokenCase{"HttpUrl", [](json& e) { e["url"] = "http://dichvucong.gov.vn/"; }, "bad-entry", "url",
                   "must start with https://"},
        BrokenCase{"UrlWithSpace", [](json& e) { e["url"] = "https://dichvucong.gov.vn/a b"; }, "bad-entry", "url",
                   "printable ASCII"},
        BrokenCase{"UrlWithoutHost", [](json& e) { e["url"] = "https:///path"; }, "bad-entry", "url",
                   "no valid host"},
        BrokenCase{"UrlHostWithoutDot", [](json& e) { e["url"] = "https://localhost/"; }, "bad-entry", "url",
                   "no valid host"},
        BrokenCase{"UrlWithUserInfo", [](json& e) { e["url"] = "https://user@evil.example/"; }, "bad-entry", "url",
                   "no valid host"},
        BrokenCase{"UrlTooLong", [](json& e) { e["url"] = "https://a.vn/" + std::string(300, 'x'); }, "bad-entry",
                   "url", "too long for a QR code"},
        BrokenCase{"MissingId", [](json& e) { e.erase("id"); }, "#0", "id", "is missing"},
        BrokenCase{"IdWrongType", [](json& e) { e["id"] = 7; }, "#0", "id", "must be a string"},
        BrokenCase{"IdWithCapitals", [](json& e) { e["id"] = "Bad_ID"; }, "#0", "id", "a-z, 0-9"},
        BrokenCase{"IdWithDoubleDash", [](json& e) { e["id"] = "a--b"; }, "#0", "id", "a-z, 0-9"},
        BrokenCase{"IdEndsWithDash", [](json& e) { e["id"] = "ab-"; }, "#0", "id", "a-z, 0-9"},
        BrokenCase{"IdTooShort", [](json& e) { e["id"] = "a"; }, "#0", "id", "a-z, 0-9"},
        BrokenCase{"MissingKind", [](json& e) { e.erase("kind"); }, "bad-entry", "kind", "is missing"},
        BrokenCase{"BadKind", [](json& e) { e["kind"] = "form"; }, "bad-entry", "kind", "\"procedure\" or \"guide\""},
        BrokenCase{"MissingCategory", [](json& e) { e.erase("category"); }, "bad-entry", "category", "is missing"},
        BrokenCase{"CategoryWrongType", [](json& e) { e["category"] = json::array(); }, "bad-entry", "category",
                   "found a list"},
        BrokenCase{"UnknownCategory", [](json& e) { e["category"] = "sports"; }, "bad-entry", "category",
                   "unknown category \"sports\""},
        BrokenCase{"MissingOnline", [](json& e) { e.erase("online"); }, "bad-entry", "online", "is missing"},
        BrokenCase{"BadOnline", [](json& e) { e["online"] = "mostly"; }, "bad-entry", "online",
                   "\"full\" or \"partial\""},
        BrokenCase{"PartialWithoutNote", [](json& e) { e["online"] = "partial"; }, "bad-entry", "online_note",
                   "is missing"},
        BrokenCase{"MissingKeywords", [](json& e) { e.erase("keywords"); }, "bad-entry", "keywords", "is missing"},
        BrokenCase{"KeywordsWrongType", [](json& e) { e["keywords"] = "khai sinh"; }, "bad-entry", "keywords",
                   "must be a list"},
        BrokenCase{"EmptyKeywords", [](json& e) { e["keywords"] = json::array(); }, "bad-entry", "keywords",
                   "must not be empty"},
        BrokenCase{"TooManyKeywords", [](json& e) { e["keywords"] = json(std::vector<std::string>(61, "k")); },
                   "bad-entry", "keywords", "at most 60"},
        BrokenCase{"KeywordWrongType", [](json& e) { e["keywords"][1] = true; }, "bad-entry", "keywords[1]",
                   "found a boolean"},
        BrokenCase{"ControlCharacter", [](json& e) { e["summary"]["en"] = "Bell\x07"; }, "bad-entry", "summary.en",
                   "control character"},
        BrokenCase{"FeesTextIsObject", [](json& e) { e["fees"]["vi"] = json::object(); }, "bad-entry", "fees.vi",
                   "must be a string, found an object"},
        BrokenCase{"TextTooLong", [](json& e) { e["summary"]["vi"] = std::string(4001, 'a'); }, "bad-entry",
                   "summary.vi", "too long"},
        BrokenCase{"NotesWrongType", [](json& e) { e["notes"] = json::array(); }, "bad-entry", "notes",
                   "must be an object"}),
    [](const ::testing::TestParamInfo<BrokenCase>& info) { return std::string(info.param.name); });

TEST(GuidanceCatalogTest, InvalidUtf8InTextIsRejected) {
    // nlohmann refuses to serialise invalid UTF-8, so build the document text by hand.
    json doc = catalogWith(json::array({validEntry("bad-entry"), validEntry("good-one")}));
    std::string text = doc.dump();
    auto pos = text.find("Miễn phí.");
    ASSERT_NE(pos, std::string::npos);
    text.replace(pos, std::string("Miễn").size(), "\xc3\x28");
    auto loaded = parseCatalog(text, "test.json");
    // nlohmann's parser rejects the bytes itself: the document is unusable, with a clear message.
    if (!loaded) {
        EXPECT_NE(loaded.error().message.find("test.json: not valid JSON"), std::string::npos);
        return;
    }
    ASSERT_EQ(loaded->issues.size(), 1U);
    EXPECT_EQ(loaded->issues[0].field, "fees.vi");
}

TEST(GuidanceCatalogTest, DuplicateIdKeepsTheFirst) {
    json first = validEntry("same-id");
    json second = validEntry("same-id");
    second["title"]["en"] = "Second";
    auto loaded = parseCatalog(catalogWith(json::array({first, second})).dump(), "dup.json");
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(loaded->catalog.entries.size(), 1U);
    EXPECT_EQ(loaded->catalog.entries[0].title.en, "Birth registration");
    ASSERT_EQ(loaded->issues.size(), 1U);
    EXPECT_EQ(loaded->issues[0].text(), "dup.json: entry 'same-id': field 'id': duplicate id: an earlier entry already uses it");
}

TEST(GuidanceCatalogTest, NonObjectEntryIsReportedByPosition) {
    LoadedCatalog loaded = parseWithBroken(json(12));
    ASSERT_EQ(loaded.issues.size(), 1U);
    EXPECT_EQ(loaded.issues[0].entry, "#0");
    EXPECT_EQ(loaded.issues[0].text(), "test.json: entry '#0': an entry must be an object, found a number");
}

TEST(GuidanceCatalogTest, EveryProblemOfAnEntryIsReported) {
    json e = validEntry("many-problems");
    e.erase("title");
    e["url"] = "ftp://x";
    e["steps"]["vi"] = json::array();
    LoadedCatalog loaded = parseWithBroken(e);
    ASSERT_EQ(loaded.issues.size(), 3U);
    for (const auto& i : loaded.issues) EXPECT_EQ(i.entry, "many-problems");
}

TEST(GuidanceCatalogTest, GuideNeedsNoProcedureFields) {
    json g = validEntry("a-guide");
    g["kind"] = "guide";
    for (const char* k : {"who", "documents", "fees", "payment", "processing_time", "result", "online"}) g.erase(k);
    auto loaded = parseCatalog(catalogWith(json::array({g})).dump(), "g.json");
    ASSERT_TRUE(loaded.has_value());
    EXPECT_TRUE(loaded->issues.empty());
    ASSERT_EQ(loaded->catalog.entries.size(), 1U);
    EXPECT_EQ(loaded->catalog.entries[0].kind, EntryKind::Guide);
    EXPECT_TRUE(loaded->catalog.entries[0].fees.empty());
}

TEST(GuidanceCatalogTest, TextIsTrimmedAndComposedToNfc) {
    json e = validEntry("nfc-entry");
    e["title"]["vi"] = "  Khai sinh cho tre\xcc\x89 em\n";  // "trẻ" with a combining hook above
    e["online"] = "partial";
    e["online_note"] = {{"vi", "Phải đến nơi."}, {"en", "Visit needed."}};
    e["notes"] = {{"vi", "Ghi chú."}, {"en", "Note."}};
    auto loaded = parseCatalog(catalogWith(json::array({e})).dump(), "n.json");
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(loaded->catalog.entries.size(), 1U);
    const auto& entry = loaded->catalog.entries[0];
    EXPECT_EQ(entry.title.vi, "Khai sinh cho trẻ em");
    EXPECT_EQ(entry.online, OnlineLevel::Partial);
    EXPECT_EQ(entry.onlineNote.en, "Visit needed.");
    EXPECT_EQ(entry.notes.vi, "Ghi chú.");
    EXPECT_EQ(entry.title.in(Language::Vi), entry.title.vi);
    EXPECT_EQ(entry.title.in(Language::En), entry.title.en);
    EXPECT_EQ(entry.steps.in(Language::En)[1], "Submit.");
    EXPECT_EQ(entry.steps.in(Language::Vi)[0], "Đăng nhập.");
}

TEST(GuidanceCatalogTest, UnknownFieldsAreIgnoredForForwardCompatibility) {
    json e = validEntry("future");
    e["video_url"] = "https://example.vn/v";
    auto loaded = parseCatalog(catalogWith(json::array({e})).dump(), "f.json");
    ASSERT_TRUE(loaded.has_value());
    EXPECT_TRUE(loaded->issues.empty());
    EXPECT_EQ(loaded->catalog.entries.size(), 1U);
}

// ---- The header: a broken header makes the whole document unusable, with a clear message ----------

struct HeaderCase {
    const char* name;
    std::function<void(json&)> mutate;
    const char* message;
};

class BrokenHeaderTest : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(BrokenHeaderTest, FailsTheDocument) {
    json doc = catalogWith(json::array({validEntry("ok-entry")}));
    GetParam().mutate(doc);
    auto loaded = parseCatalog(doc.dump(), "hdr.json");
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().kind, ErrorKind::Parse);
    EXPECT_NE(loaded.error().message.find(GetParam().message), std::string::npos) << loaded.error().message;
    EXPECT_TRUE(loaded.error().message.starts_with("hdr.json: ")) << loaded.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BrokenHeaderTest,
    ::testing::Values(
        HeaderCase{"MissingFormat", [](json& d) { d.erase("format"); }, "field 'format': is missing"},
        HeaderCase{"FormatWrongType", [](json& d) { d["format"] = "1"; }, "field 'format': must be an integer"},
        HeaderCase{"FutureFormat", [](json& d) { d["format"] = 2; }, "unsupported format 2"},
        HeaderCase{"MissingVersion", [](json& d) { d.erase("version"); }, "field 'version': is missing"},
        HeaderCase{"NegativeVersion", [](json& d) { d["version"] = -3; }, "positive integer"},
        HeaderCase{"VersionString", [](json& d) { d["version"] = "2026"; }, "positive integer"},
        HeaderCase{"MissingCategories", [](json& d) { d.erase("categories"); }, "field 'categories': is missing"},
        HeaderCase{"EmptyCategories", [](json& d) { d["categories"] = json::array(); }, "non-empty list"},
        HeaderCase{"CategoryNotObject", [](json& d) { d["categories"][0] = 1; }, "categories[0]': must be an object"},
        HeaderCase{"CategoryBadId", [](json& d) { d["categories"][0]["id"] = "X Y"; }, "categories[0].id"},
        HeaderCase{"CategoryDuplicate", [](json& d) { d["categories"].push_back(d["categories"][0]); },
                   "duplicate category \"family\""},
        HeaderCase{"CategoryMissingEnglish", [](json& d) { d["categories"][0]["name"].erase("en"); },
                   "categories[0].name.en': missing English text"},
        HeaderCase{"CategoryIconWrongType", [](json& d) { d["categories"][0]["icon"] = 3; },
                   "categories[0].icon': must be a string"},
        HeaderCase{"MissingEntries", [](json& d) { d.erase("entries"); }, "field 'entries': is missing"},
        HeaderCase{"EntriesNotList", [](json& d) { d["entries"] = json::object(); }, "must be a list"}),
    [](const ::testing::TestParamInfo<HeaderCase>& info) { return std::string(info.param.name); });

TEST(GuidanceCatalogTest, NotJsonOrNotObjectFailsClearly) {
    auto notJson = parseCatalog("{\"format\": 1,", "broken.json");
    ASSERT_FALSE(notJson.has_value());
    EXPECT_NE(notJson.error().message.find("broken.json: not valid JSON"), std::string::npos);
    auto empty = parseCatalog("", "empty.json");
    ASSERT_FALSE(empty.has_value());
    auto array = parseCatalog("[1,2]", "array.json");
    ASSERT_FALSE(array.has_value());
    EXPECT_EQ(array.error().message, "array.json: the catalog must be a JSON object, found a list");
    // A number too large for a double is an error, not an exception (found by tests/fuzz).
    auto overflow = parseCatalog("{\"format\": 1e999}", "overflow.json");
    ASSERT_FALSE(overflow.has_value());
    EXPECT_NE(overflow.error().message.find("overflow.json: not valid JSON"), std::string::npos);
}

TEST(GuidanceCatalogTest, EmptyEntryListIsAValidEmptyCatalog) {
    auto loaded = parseCatalog(catalogWith(json::array()).dump(), "e.json");
    ASSERT_TRUE(loaded.has_value());
    EXPECT_TRUE(loaded->catalog.entries.empty());
    EXPECT_EQ(loaded->catalog.version, 5);
    EXPECT_EQ(loaded->catalog.source, "e.json");
    ASSERT_NE(loaded->catalog.findCategory("family"), nullptr);
    EXPECT_EQ(loaded->catalog.findCategory("nope"), nullptr);
    EXPECT_EQ(loaded->catalog.find("nope"), nullptr);
}

// ---- Entry files referenced from the catalog document -----------------------------------------------

TEST(GuidanceCatalogTest, FileReferencesResolveThroughTheReader) {
    std::map<std::string, std::string, std::less<>> files{
        {"entries/a.json", validEntry("entry-a").dump()},
        {"entries/broken.json", "{\"id\": \"x\", "},
        {"entries/bad-field.json", [] {
             json e = validEntry("entry-b");
             e["url"] = "http://x.vn";
             return e.dump();
         }()},
    };
    EntryFileReader reader = [&](std::string_view name) -> Result<std::string> {
        auto it = files.find(name);
        if (it == files.end()) return fail(ErrorKind::Io, "no such file");
        return it->second;
    };
    json doc = catalogWith(json::array({"entries/a.json", "entries/missing.json", "../outside.json", "/abs.json",
                                        "entries/broken.json", "entries/bad-field.json", "entries/./a.json",
                                        "entries/a.txt", validEntry("inline-c")}));
    auto loaded = parseCatalog(doc.dump(), "catalog.json", reader);
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(loaded->catalog.entries.size(), 2U);
    EXPECT_EQ(loaded->catalog.entries[0].id, "entry-a");
    EXPECT_EQ(loaded->catalog.entries[1].id, "inline-c");
    ASSERT_EQ(loaded->issues.size(), 7U);
    EXPECT_EQ(loaded->issues[0].text(),
              "catalog.json: entry '#1': field 'entries[1]': cannot read \"entries/missing.json\": no such file");
    EXPECT_NE(loaded->issues[1].message.find("must be a relative path"), std::string::npos);
    EXPECT_NE(loaded->issues[2].message.find("must be a relative path"), std::string::npos);
    EXPECT_EQ(loaded->issues[3].file, "entries/broken.json");
    EXPECT_NE(loaded->issues[3].message.find("not valid JSON"), std::string::npos);
    EXPECT_EQ(loaded->issues[4].file, "entries/bad-field.json");
    EXPECT_EQ(loaded->issues[4].entry, "entry-b");
    EXPECT_EQ(loaded->issues[4].field, "url");
    EXPECT_NE(loaded->issues[5].message.find("must be a relative path"), std::string::npos);
    EXPECT_NE(loaded->issues[6].message.find("must be a relative path"), std::string::npos);
}

TEST(GuidanceCatalogTest, FileReferencesWithoutReaderAreIssues) {
    auto loaded = parseCatalog(catalogWith(json::array({"entries/a.json", validEntry("inline")})).dump(), "backend");
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(loaded->catalog.entries.size(), 1U);
    ASSERT_EQ(loaded->issues.size(), 1U);
    EXPECT_NE(loaded->issues[0].message.find("file references are not allowed"), std::string::npos);
}

TEST(GuidanceCatalogTest, LoadsFromAFolderOrTheDocumentOnDisk) {
    fs::path dir = fs::temp_directory_path() / ("guidance-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::remove_all(dir);
    fs::create_directories(dir / "entries");
    std::ofstream(dir / "catalog.json") << catalogWith(json::array({"entries/one.json", "entries/gone.json"})).dump();
    std::ofstream(dir / "entries/one.json") << validEntry("one-entry").dump();
    for (const fs::path& p : {dir, dir / "catalog.json"}) {
        auto loaded = loadCatalog(p);
        ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
        ASSERT_EQ(loaded->catalog.entries.size(), 1U);
        EXPECT_EQ(loaded->catalog.entries[0].id, "one-entry");
        ASSERT_EQ(loaded->issues.size(), 1U);
        EXPECT_NE(loaded->issues[0].message.find("entries/gone.json"), std::string::npos);
        EXPECT_EQ(loaded->catalog.source, (dir / "catalog.json").string());
    }
    auto missing = loadCatalog(dir / "nothing-here.json");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().kind, ErrorKind::Io);
    EXPECT_NE(missing.error().message.find("nothing-here.json: cannot read the guidance catalog"), std::string::npos);
    fs::remove_all(dir);
}

// ---- Backend catalog versus bundled -----------------------------------------------------------------

namespace {
LoadedCatalog catalogOf(std::int64_t version, int entries, int issues = 0) {
    LoadedCatalog c;
    c.catalog.version = version;
    for (int i = 0; i < entries; ++i) c.catalog.entries.push_back(GuidanceEntry{});
    for (int i = 0; i < issues; ++i) c.issues.push_back(CatalogIssue{"backend", "x", "url", "bad"});
    return c;
}
}  // namespace

TEST(GuidanceCatalogTest, ChooseCatalog) {
    const LoadedCatalog bundled = catalogOf(10, 20);
    EXPECT_FALSE(chooseCatalog(bundled, std::nullopt).useBackend);
    auto newer = chooseCatalog(bundled, catalogOf(11, 18));
    EXPECT_TRUE(newer.useBackend);
    EXPECT_EQ(newer.reason, "backend catalog version 11 replaces bundled 10");
    EXPECT_FALSE(chooseCatalog(bundled, catalogOf(10, 25)).useBackend) << "same version";
    EXPECT_FALSE(chooseCatalog(bundled, catalogOf(9, 25)).useBackend) << "older";
    auto broken = chooseCatalog(bundled, catalogOf(12, 19, 1));
    EXPECT_FALSE(broken.useBackend) << "a partly broken backend catalog never replaces the bundled one";
    EXPECT_NE(broken.reason.find("1 issue(s)"), std::string::npos);
    EXPECT_FALSE(chooseCatalog(bundled, catalogOf(12, 0)).useBackend) << "empty";
    // A broken install (no bundled entries) takes any valid backend catalog, whatever its version.
    EXPECT_TRUE(chooseCatalog(catalogOf(10, 0), catalogOf(1, 3)).useBackend);
    EXPECT_FALSE(chooseCatalog(catalogOf(10, 0), catalogOf(1, 3, 2)).useBackend);
}

// ---- Serialisation -------------------------------------------------------------------------------

TEST(GuidanceCatalogTest, ToJsonRoundTripsEveryBundledEntry) {
    auto loaded = loadCatalog(kAssets);
    ASSERT_TRUE(loaded.has_value());
    json entries = json::array();
    for (const auto& e : loaded->catalog.entries) entries.push_back(json::parse(toJson(e)));
    json doc{{"format", 1}, {"version", 1}, {"entries", entries}, {"categories", json::array()}};
    for (const auto& c : loaded->catalog.categories) {
        doc["categories"].push_back(json{{"id", c.id}, {"name", {{"vi", c.name.vi}, {"en", c.name.en}}}});
    }
    auto again = parseCatalog(doc.dump(), "roundtrip");
    ASSERT_TRUE(again.has_value()) << again.error().message;
    EXPECT_TRUE(again->issues.empty());
    ASSERT_EQ(again->catalog.entries.size(), loaded->catalog.entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(toJson(again->catalog.entries[i]), toJson(loaded->catalog.entries[i]));
    }
    EXPECT_EQ(toString(EntryKind::Guide), "guide");
    EXPECT_EQ(toString(EntryKind::Procedure), "procedure");
    EXPECT_EQ(toString(OnlineLevel::Partial), "partial");
    EXPECT_EQ(toString(OnlineLevel::Full), "full");
}

TEST(GuidanceCatalogTest, IssueTextNamesFileEntryAndField) {
    EXPECT_EQ((CatalogIssue{"f.json", "e-1", "steps.en", "must not be empty"}.text()),
              "f.json: entry 'e-1': field 'steps.en': must not be empty");
    EXPECT_EQ((CatalogIssue{"f.json", "", "version", "is missing"}.text()), "f.json: field 'version': is missing");
    EXPECT_EQ((CatalogIssue{"f.json", "#2", "", "x"}.text()), "f.json: entry '#2': x");
}

// ---- Robustness: whatever a backend sends, parsing returns a value and never throws or crashes ------

namespace {
// The bundled catalog as one backend document (entries embedded).
std::string bundledAsBackendDocument() {
    json doc = json::parse(readFile(kAssets / "catalog.json"));
    json entries = json::array();
    for (const auto& name : doc["entries"]) entries.push_back(json::parse(readFile(kAssets / name.get<std::string>())));
    doc["entries"] = entries;
    return doc.dump();
}
}  // namespace

TEST(GuidanceCatalogTest, SurvivesRandomByteMutations) {
    const std::string original = bundledAsBackendDocument();
    auto clean = parseCatalog(original, "backend");
    ASSERT_TRUE(clean.has_value());
    ASSERT_TRUE(clean->issues.empty());
    const std::size_t total = clean->catalog.entries.size();
    std::mt19937 rng(20261128);  // fixed seed: failures reproduce
    int parsed = 0;
    for (int round = 0; round < 400; ++round) {
        std::string doc = original;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < edits; ++i) {
            std::size_t at = rng() % doc.size();
            switch (rng() % 3) {
                case 0: doc[at] = static_cast<char>(rng() % 256); break;
                case 1: doc.erase(at, 1 + rng() % 8); break;
                default: doc.insert(at, 1, "{}[],:\"\\0x"[rng() % 10]); break;
            }
        }
        Result<LoadedCatalog> r = fail(ErrorKind::Internal, "not run");
        ASSERT_NO_THROW(r = parseCatalog(doc, "backend"));
        if (!r) {
            EXPECT_FALSE(r.error().message.empty());
            continue;
        }
        ++parsed;
        EXPECT_LE(r->catalog.entries.size(), total);
        for (const auto& issue : r->issues) EXPECT_FALSE(issue.text().empty());
    }
    EXPECT_GT(parsed, 0) << "some mutations should still parse (inside string values)";
}

TEST(GuidanceCatalogTest, SurvivesStructuralMutations) {
    const json original = json::parse(bundledAsBackendDocument());
    const std::vector<json> replacements{nullptr, 0, -1, 1.5, true, "", "x", json::array(), json::object(),
                                         json::array({1, 2}), json{{"vi", 1}}, std::string(5000, 'a')};
    std::mt19937 rng(7);
    for (int round = 0; round < 400; ++round) {
        json doc = original;
        // Pick a random value somewhere in the document and replace or delete it.
        json* node = &doc;
        json* parent = nullptr;
        std::string key;
        std::size_t index = 0;
        for (int depth = 0; depth < 6 && (node->is_object() || node->is_array()) && !node->empty(); ++depth) {
            parent = node;
            if (node->is_object()) {
                auto it = node->begin();
                std::advance(it, static_cast<long>(rng() % node->size()));
                key = it.key();
                node = &it.value();
            } else {
                index = rng() % node->size();
                key.clear();
                node = &(*node)[index];
            }
            if (rng() % 3 == 0) break;
        }
        if (parent != nullptr && rng() % 4 == 0) {
            if (parent->is_object()) parent->erase(key);
            else parent->erase(index);
        } else {
            *node = replacements[rng() % replacements.size()];
        }
        Result<LoadedCatalog> r = fail(ErrorKind::Internal, "not run");
        ASSERT_NO_THROW(r = parseCatalog(doc.dump(), "backend"));
        if (r) {
            // Whatever loaded passed validation: ids are unique and every text is present.
            std::set<std::string> seen;
            for (const auto& e : r->catalog.entries) {
                EXPECT_TRUE(seen.insert(e.id).second);
                EXPECT_FALSE(e.title.vi.empty());
                EXPECT_FALSE(e.title.en.empty());
                EXPECT_FALSE(e.steps.empty());
                EXPECT_TRUE(e.url.starts_with("https://"));
            }
            // Every entry of an intact list either loaded or was reported.
            if (doc["entries"].size() == original["entries"].size()) {
                EXPECT_GE(r->catalog.entries.size() + r->issues.size(), original["entries"].size());
            }
        } else {
            EXPECT_FALSE(r.error().message.empty());
        }
    }
}
