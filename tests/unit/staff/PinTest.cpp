#include "kiosk/core/staff/pin.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(PinTest, WeakPinsAreRefusedWithTheirReason) {
    EXPECT_EQ(checkNewPin("12a4"), PinWeakness::NotDigits);
    EXPECT_EQ(checkNewPin(""), PinWeakness::TooShort);
    EXPECT_EQ(checkNewPin("583"), PinWeakness::TooShort);
    EXPECT_EQ(checkNewPin("5839025839021"), PinWeakness::TooLong);
    EXPECT_EQ(checkNewPin("0000"), PinWeakness::OneDigit);
    EXPECT_EQ(checkNewPin("777777777777"), PinWeakness::OneDigit);
    EXPECT_EQ(checkNewPin("1234"), PinWeakness::Run);
    EXPECT_EQ(checkNewPin("123456"), PinWeakness::Run);
    EXPECT_EQ(checkNewPin("654321"), PinWeakness::Run);
    EXPECT_EQ(checkNewPin("7890"), PinWeakness::Run);   // wraps 9 -> 0
    EXPECT_EQ(checkNewPin("2109"), PinWeakness::Run);
    EXPECT_FALSE(checkNewPin("2580"));
    EXPECT_FALSE(checkNewPin("1235"));
    EXPECT_FALSE(checkNewPin("583902"));
    EXPECT_FALSE(checkNewPin("120987654321"));
    for (const PinWeakness w : kAllPinWeaknesses) EXPECT_NE(toString(w), "unknown");
}

TEST(PinTest, HashVerifiesOnlyTheRightPin) {
    auto hash = hashPin("583902");
    ASSERT_TRUE(hash) << hash.error().message;
    EXPECT_TRUE(hash->starts_with("$argon2id$"));
    EXPECT_EQ(hash->find("583902"), std::string::npos);
    EXPECT_TRUE(looksLikePinHash(*hash));
    EXPECT_TRUE(verifyPin(*hash, "583902"));
    EXPECT_FALSE(verifyPin(*hash, "583903"));
    EXPECT_FALSE(verifyPin(*hash, ""));
    EXPECT_FALSE(verifyPin("not a hash", "583902"));
    auto again = hashPin("583902");
    ASSERT_TRUE(again);
    EXPECT_NE(*again, *hash);  // salted
}

TEST(PinTest, PinFileHoldsOneHash) {
    auto hash = hashPin("2580");
    ASSERT_TRUE(hash);
    auto read = pinHashFromFileText("\n  " + *hash + "\n");
    ASSERT_TRUE(read);
    EXPECT_EQ(*read, *hash);
    EXPECT_FALSE(pinHashFromFileText(""));
    EXPECT_FALSE(pinHashFromFileText("2580\n"));
    EXPECT_FALSE(pinHashFromFileText(*hash + " " + *hash));
}
