#include <gtest/gtest.h>

#include "kiosk/core/api/iso_time.hpp"

using namespace kiosk::core;
using namespace std::chrono;

TEST(IsoTimeTest, ParsesOffsetAndConvertsToUtc) {
    const auto t = parseIsoTime("2024-10-15T08:30:00+07:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->offset, minutes{420});
    EXPECT_EQ(t->utc, sys_days{2024y / October / 15} + hours{1} + minutes{30});
}

TEST(IsoTimeTest, AcceptsZuluCompactOffsetNoSecondsAndFractions) {
    EXPECT_EQ(parseIsoTime("2024-10-15T01:30:00Z")->utc, sys_days{2024y / October / 15} + hours{1} + minutes{30});
    EXPECT_EQ(parseIsoTime("2024-10-15T08:30+0700")->utc, sys_days{2024y / October / 15} + hours{1} + minutes{30});
    EXPECT_EQ(parseIsoTime("2024-10-15T08:30:00.123456+07:00")->utc, sys_days{2024y / October / 15} + hours{1} + minutes{30});
    EXPECT_EQ(parseIsoTime("2024-10-15T00:30:00-05:30")->offset, minutes{-330});
}

TEST(IsoTimeTest, CrossesDateLineBackwards) {
    const auto t = parseIsoTime("2024-01-01T03:00:00+07:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->utc, sys_days{2023y / December / 31} + hours{20});
}

TEST(IsoTimeTest, RejectsMissingOffsetAndImpossibleValues) {
    for (const char* bad : {"2024-10-15T08:30:00", "2024-10-15", "2024-02-30T08:00:00+07:00", "2024-10-15T24:00:00Z",
                            "2024-10-15T08:60:00Z", "2024-10-15T08:30:00+15:00", "2024-13-01T00:00:00Z", "",
                            "2024-10-15T08:30:00+07:00x", "24-10-15T08:30:00Z", "2024-10-15T8:30:00Z",
                            "2024-10-15T08:30:00.Z", "２０２４-10-15T08:30:00Z", "2024-10-15T08:30:00 +07:00"}) {
        EXPECT_FALSE(parseIsoTime(bad)) << bad;
    }
}

TEST(IsoTimeTest, LeapDayIsValidOnlyInLeapYears) {
    EXPECT_TRUE(parseIsoTime("2024-02-29T00:00:00Z"));
    EXPECT_FALSE(parseIsoTime("2023-02-29T00:00:00Z"));
}

TEST(IsoTimeTest, FormatsAtItsOwnOffsetAndRoundTrips) {
    for (const char* text : {"2024-10-15T08:30:00+07:00", "2023-12-31T23:59:59-05:30", "2024-02-29T00:00:00+00:00"}) {
        const auto t = parseIsoTime(text);
        ASSERT_TRUE(t) << text;
        EXPECT_EQ(formatIsoTime(*t), text);
    }
    EXPECT_EQ(formatIsoTime(*parseIsoTime("2024-10-15T01:30:00Z")), "2024-10-15T01:30:00+00:00");
}
