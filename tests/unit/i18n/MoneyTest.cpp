#include "kiosk/core/i18n/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using namespace kiosk::core;

TEST(MoneyTest, ThousandsGroupedAsEachLanguageWritesThem) {
    EXPECT_EQ(formatVnd(1200000, Language::Vi), "1.200.000 ₫");
    EXPECT_EQ(formatVnd(1200000, Language::En), "1,200,000 ₫");
    EXPECT_EQ(formatVnd(100000, Language::En), "100,000 ₫");
    EXPECT_EQ(formatVnd(999, Language::Vi), "999 ₫");
    EXPECT_EQ(formatVnd(0, Language::Vi), "0 ₫");
    EXPECT_EQ(formatVnd(-2500, Language::Vi), "-2.500 ₫");
    EXPECT_EQ(formatVnd(std::numeric_limits<std::int64_t>::min(), Language::En), "-9,223,372,036,854,775,808 ₫");
}
