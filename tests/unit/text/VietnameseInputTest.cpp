#include "kiosk/core/text/vietnamese_input.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core::text;

TEST(VietnameseInputTest, ToneKeysMarkTheLastVowelInNfc) {
    EXPECT_EQ(withToneOnLast("Bô", ToneMark::DotBelow), "Bộ");
    EXPECT_EQ(withToneOnLast("Tiê", ToneMark::Acute), "Tiế");
    EXPECT_EQ(withToneOnLast("qua", ToneMark::HookAbove), "quả");
    EXPECT_EQ(withToneOnLast("cư", ToneMark::Tilde), "cữ");
    EXPECT_EQ(withToneOnLast("và", ToneMark::Grave), "va");       // the same tone again removes it
    EXPECT_EQ(withToneOnLast("vá", ToneMark::Grave), "và");       // another tone replaces it
    EXPECT_EQ(withToneOnLast("Ư", ToneMark::Acute), "Ứ");
    EXPECT_EQ(withToneOnLast("phận", ToneMark::Acute), "phận");  // last letter is not a vowel: unchanged
    EXPECT_EQ(withToneOnLast("", ToneMark::Acute), "");
    EXPECT_EQ(withToneOnLast("a ", ToneMark::Acute), "a ");
}

TEST(VietnameseInputTest, DeleteRemovesAWholeLetter) {
    EXPECT_EQ(dropLastCharacter("Bộ"), "B");
    EXPECT_EQ(dropLastCharacter("quả"), "qu");
    EXPECT_EQ(dropLastCharacter("a"), "");
    EXPECT_EQ(dropLastCharacter(""), "");
    EXPECT_EQ(dropLastCharacter("đ"), "");
}
