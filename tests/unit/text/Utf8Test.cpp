#include "kiosk/core/text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace kiosk::core::text;

namespace {
// "ế" written as e + combining circumflex (U+0302) + combining acute (U+0301).
const std::string kDecomposedE = "e\xCC\x82\xCC\x81";
}  // namespace

TEST(Utf8Test, AcceptsWellFormedText) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("ascii"));
    EXPECT_TRUE(isValidUtf8("Nguyễn Văn Đức"));
    EXPECT_TRUE(isValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
    EXPECT_TRUE(isValidUtf8(std::string("a\0b", 3)));
}

TEST(Utf8Test, RejectsMalformedText) {
    EXPECT_FALSE(isValidUtf8("\xC3"));              // truncated
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong, three bytes
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(isValidUtf8("\xFF"));
    EXPECT_FALSE(isValidUtf8("ok\x80"));            // stray continuation byte
}

TEST(Utf8Test, ComposesToNfc) {
    EXPECT_EQ(toNfc(kDecomposedE), std::optional<std::string>("ế"));
    EXPECT_EQ(toNfc("Nguye\xCC\x82\xCC\x83n"), std::optional<std::string>("Nguyễn"));
    EXPECT_EQ(toNfc("đã có"), std::optional<std::string>("đã có"));
    EXPECT_EQ(toNfc(""), std::optional<std::string>(""));
}

TEST(Utf8Test, NfcRefusesInvalidText) {
    EXPECT_EQ(toNfc("ab\xC3"), std::nullopt);
}

TEST(Utf8Test, LossyNfcReplacesInvalidBytes) {
    EXPECT_EQ(toNfcLossy("a\xFF" + kDecomposedE), "a\xEF\xBF\xBD" "ế");
    EXPECT_EQ(toNfcLossy("Hà Nội"), "Hà Nội");
}

TEST(Utf8Test, FoldsVietnameseForSearch) {
    EXPECT_EQ(foldForSearch("Lý lịch  TƯ PHÁP"), "ly lich tu phap");
    EXPECT_EQ(foldForSearch("Đăng ký kết hôn"), "dang ky ket hon");
    EXPECT_EQ(foldForSearch("ĐỒNG ĐA, Hà Nội"), "dong da ha noi");
    EXPECT_EQ(foldForSearch("ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ơ ư ợ ự ỹ"), "a a a a a a a a a a o u o u y");
    EXPECT_EQ(foldForSearch("Nguye\xCC\x82\xCC\x83n"), "nguyen");  // decomposed input folds the same
}

TEST(Utf8Test, FoldCollapsesWhitespaceAndPunctuation) {
    EXPECT_EQ(foldForSearch("  \t giấy--phép...xây   dựng!? "), "giay phep xay dung");
    EXPECT_EQ(foldForSearch("“Hộ tịch” – cấp bản sao"), "ho tich cap ban sao");
    EXPECT_EQ(foldForSearch("...!!!"), "");
    EXPECT_EQ(foldForSearch(""), "");
    EXPECT_EQ(foldForSearch("Thủ tục 24/7"), "thu tuc 24 7");
}

TEST(Utf8Test, FoldHandlesFullWidthAndInvalidBytes) {
    EXPECT_EQ(foldForSearch("ＡＢＣ１２３"), "abc123");
    EXPECT_EQ(foldForSearch("ab\xFF" "cd"), "ab cd");  // U+FFFD is a symbol, so it separates words
}

TEST(Utf8Test, DecodesCodePoints) {
    EXPECT_EQ(decode("aế"), (std::vector<char32_t>{U'a', U'ế'}));
    EXPECT_EQ(decode("\xF0\x9F\x98\x80"), (std::vector<char32_t>{0x1F600}));
    EXPECT_EQ(decode("a\xC3" "b"), (std::vector<char32_t>{U'a', 0xFFFD, U'b'}));
    EXPECT_TRUE(decode("").empty());
}

TEST(Utf8Test, AppendsEncodedCodePoints) {
    std::string s;
    append(s, U'A');
    append(s, U'đ');
    append(s, U'₫');
    append(s, 0x1F600);
    EXPECT_EQ(s, "Ađ₫\xF0\x9F\x98\x80");
    std::string bad;
    append(bad, 0xD800);
    append(bad, 0x110000);
    EXPECT_EQ(bad, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Test, DecodeAppendRoundTrips) {
    const std::string text = "Trung tâm Phục vụ hành chính công – ₫ “ok” …";
    std::string out;
    for (char32_t cp : decode(text)) {
        append(out, cp);
    }
    EXPECT_EQ(out, text);
}

TEST(Utf8Test, BidiControlsAreRecognisedAndRemoved) {
    for (char32_t cp : {0x061CU, 0x200EU, 0x200FU, 0x202AU, 0x202BU, 0x202CU, 0x202DU, 0x202EU, 0x2066U, 0x2067U,
                        0x2068U, 0x2069U}) {
        EXPECT_TRUE(isBidiControl(cp)) << std::hex << static_cast<unsigned>(cp);
    }
    for (char32_t cp : {0x0041U, 0x200BU, 0x200DU, 0x2029U, 0x206AU, 0x1EBFU}) {
        EXPECT_FALSE(isBidiControl(cp)) << std::hex << static_cast<unsigned>(cp);
    }
    EXPECT_EQ(removeBidiControls("a\u202Eb\u2066c\u2069\u200Fd"), "abcd");
    EXPECT_EQ(removeBidiControls("Nguy\u1ec5n"), "Nguy\u1ec5n");
    EXPECT_EQ(removeBidiControls(""), "");
}
