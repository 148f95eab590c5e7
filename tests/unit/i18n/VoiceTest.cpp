// One voice across every Vietnamese text the kiosk shows, prints or says (assets/i18n/vi and the
// guidance catalog): one form of address, one tone-mark convention, one name for the receipt and
// the printout, one wording for overdue.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/i18n/string_table.hpp"

using namespace kiosk::core;

namespace {

const std::filesystem::path kAssets{KIOSK_SOURCE_ASSETS_DIR};

struct Text {
    std::string file;
    std::string text;
};

// Every Vietnamese text: the vi string tables, and the "vi" side of the guidance catalog (read as
// raw lines: the catalog's own loader is tested elsewhere; here only the words matter).
std::vector<Text> vietnameseTexts() {
    std::vector<Text> out;
    auto table = loadStringTable(kAssets / "i18n", Language::Vi);
    EXPECT_TRUE(table) << table.error().message;
    if (table) {
        for (const auto& key : table->keys()) out.push_back({key, table->text(key)});
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kAssets / "guidance")) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::string line;
        bool vi = false;
        while (std::getline(in, line)) {
            // "vi": "..." or the lines of a "vi": [ ... ] list, up to its "en".
            if (line.find("\"vi\"") != std::string::npos) vi = true;
            if (line.find("\"en\"") != std::string::npos) vi = false;
            if (vi) out.push_back({entry.path().filename().string(), line});
        }
    }
    return out;
}

// Words of `text` split at ASCII spaces and punctuation (Vietnamese letters are multi-byte: kept).
std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            w += c;
        } else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST(VoiceTest, OneFormOfAddressOngBaNeverBan) {
    for (const auto& [file, text] : vietnameseTexts()) {
        for (const auto& w : words(text)) {
            EXPECT_NE(w, "bạn") << file << ": " << text;
            EXPECT_NE(w, "Bạn") << file << ": " << text;
        }
        // "Ông/bà" is capitalised only at the start of a sentence.
        EXPECT_EQ(text.find("Ông/Bà"), std::string::npos) << file << ": " << text;
        for (auto at = text.find("Ông/bà"); at != std::string::npos; at = text.find("Ông/bà", at + 1)) {
            std::size_t before = at;
            while (before > 0 && text[before - 1] == ' ') --before;
            const char prev = before == 0 ? '.' : text[before - 1];
            EXPECT_TRUE(prev == '.' || prev == '?' || prev == '!' || prev == '"' || prev == ':' || prev == '[' ||
                        prev == '\n')
                << file << ": mid-sentence \"Ông/bà\" in: " << text;
        }
    }
}

// Tone marks on the first vowel of an open "oa", "oe", "uy" syllable ("hóa", "hủy", "xóa", "tùy"),
// never "hoá", "huỷ": one convention everywhere. "quý" is not such a syllable (qu is one consonant).
TEST(VoiceTest, OneToneMarkConvention) {
    const std::vector<std::string> otherConvention = {"oá", "oà", "oả", "oã", "oạ", "oé", "oè", "oẻ", "oẽ", "oẹ",
                                                      "uý", "uỳ", "uỷ", "uỹ", "uỵ", "Oá", "Uý"};
    for (const auto& [file, text] : vietnameseTexts()) {
        for (const auto& w : words(text)) {
            for (const auto& tail : otherConvention) {
                if (endsWith(w, tail) && !(tail[0] == 'u' && w.size() > tail.size() && w[w.size() - tail.size() - 1] == 'q')) {
                    ADD_FAILURE() << file << ": \"" << w << "\" (write the mark on the first vowel) in: " << text;
                }
            }
        }
    }
}

// The receipt is "giấy tiếp nhận hồ sơ và hẹn trả kết quả" or, short, "giấy hẹn"; the printout is a "phiếu".
TEST(VoiceTest, OneNameForTheReceiptAndThePrintout) {
    for (const auto& [file, text] : vietnameseTexts()) {
        for (auto at = text.find("giấy tiếp nhận"); at != std::string::npos; at = text.find("giấy tiếp nhận", at + 1)) {
            EXPECT_EQ(text.compare(at, std::string("giấy tiếp nhận hồ sơ và hẹn trả kết quả").size(),
                                   "giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
                      0)
                << file << ": " << text;
        }
        EXPECT_EQ(text.find("biên nhận"), std::string::npos) << file << ": " << text;
        // "nhận giấy" alone is the printout ("nhận giấy chứng nhận" is a certificate, fine).
        for (auto at = text.find("nhận giấy"); at != std::string::npos; at = text.find("nhận giấy", at + 1)) {
            const std::size_t end = at + std::string("nhận giấy").size();
            EXPECT_TRUE(end < text.size() && text[end] == ' ') << file << " (the printout is a phiếu): " << text;
        }
    }
}

// The keypad and the search keyboard: the same word does the same thing.
TEST(VoiceTest, BothKeyboardsUseTheSameWords) {
    auto vi = loadStringTable(kAssets / "i18n", Language::Vi);
    ASSERT_TRUE(vi);
    EXPECT_EQ(vi->text("screens.entry.delete"), vi->text("guidance.keyboard.backspace"));  // one character
    EXPECT_EQ(vi->text("screens.entry.clear"), vi->text("guidance.search.clear"));          // everything
    EXPECT_EQ(vi->text("screens.entry.delete"), "Xóa");
    EXPECT_EQ(vi->text("screens.entry.clear"), "Xóa hết");
}

// No jargon an older citizen would not understand.
TEST(VoiceTest, NoJargon) {
    for (const auto& [file, text] : vietnameseTexts()) {
        EXPECT_EQ(text.find("Tương phản"), std::string::npos) << file << ": " << text;
        EXPECT_EQ(text.find("Liên kết trong mã"), std::string::npos) << file << ": " << text;
    }
}

// Overdue has one wording, the one core uses for screen, slip and voice (status.due.overdue).
TEST(VoiceTest, OneWordingForOverdue) {
    for (const auto lang : {Language::Vi, Language::En}) {
        auto t = loadStringTable(kAssets / "i18n", lang);
        ASSERT_TRUE(t);
        const std::string overdue = t->text(dueTextKey(DueKind::Overdue));
        const std::string stem = overdue.substr(0, overdue.find('{'));
        for (const auto& key : t->keys()) {
            if (key == dueTextKey(DueKind::Overdue)) continue;
            const std::string text = t->text(key);
            EXPECT_EQ(text.find("{days}"), key.starts_with("status.due.") ? text.find("{days}") : std::string::npos)
                << "a second days-left/overdue wording: " << key;
        }
        EXPECT_FALSE(stem.empty());
    }
}
