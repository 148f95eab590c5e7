// compileCodePattern: the one compiler of receipt.code_pattern for the config check and the receipt
// reader. Regression for the config fuzzer's finding: a 20-digit repeat count made libstdc++'s regex
// compiler overflow a long (undefined behaviour; under the asan preset UBSan aborts).
#include "kiosk/core/receipt/code_pattern.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "kiosk/core/receipt/receipt.hpp"

using namespace kiosk::core;

TEST(CodePatternTest, TheDefaultAndOrdinaryPatternsCompile) {
    const auto compiled = compileCodePattern(ReceiptRules{}.codePattern);
    ASSERT_TRUE(compiled) << compiled.error();
    EXPECT_TRUE(std::regex_match("000.00.06.H56-231027-3450", *compiled));
    EXPECT_TRUE(compileCodePattern(R"([A-Z]{2}\d{4,9}(-\d{1,3})?)"));
    EXPECT_TRUE(compileCodePattern(R"(\{12345\}-(a)\1)")) << "an escaped brace and a one-digit back-reference";
    EXPECT_TRUE(compileCodePattern("x{9999}"));
}

TEST(CodePatternTest, LongRepeatCountsAndBackReferencesAreRefusedBeforeStdRegexReadsThem) {
    const auto count = compileCodePattern(R"(\d{44444444444444444444})");
    ASSERT_FALSE(count);
    EXPECT_EQ(count.error(), "a repeat count has more than 4 digits");
    const auto upper = compileCodePattern(R"(\d{2,444444444444444444444})");
    ASSERT_FALSE(upper);
    EXPECT_EQ(upper.error(), "a repeat count has more than 4 digits");
    const auto backReference = compileCodePattern(R"((a)\44444444444444444444)");
    ASSERT_FALSE(backReference);
    EXPECT_EQ(backReference.error(), "a back-reference number has more than 4 digits");
}

TEST(CodePatternTest, EmptyLongInvalidAndExplodingPatternsAreRefusedWithAReason) {
    EXPECT_EQ(compileCodePattern("").error(), "must not be empty");
    EXPECT_EQ(compileCodePattern(std::string(300, 'a')).error(), "longer than 256 characters");
    const auto invalid = compileCodePattern("([A-Z]");
    ASSERT_FALSE(invalid);
    EXPECT_TRUE(invalid.error().starts_with("not a valid ECMAScript regular expression: ")) << invalid.error();
    // Nested repeats multiply the automaton's states; std::regex refuses past its limit.
    const auto exploding = compileCodePattern("((a{1000}){1000}){1000}");
    ASSERT_FALSE(exploding);
    EXPECT_TRUE(exploding.error().starts_with("not a valid ECMAScript regular expression: ")) << exploding.error();
}
