#include <gtest/gtest.h>

#include "kiosk/core/common/result.hpp"

using namespace kiosk::core;

namespace {
Result<int> half(int n) {
    if (n % 2 != 0) return fail(ErrorKind::InvalidInput, "odd");
    return n / 2;
}
}  // namespace

TEST(ResultTest, CarriesValueOrError) {
    EXPECT_EQ(half(8).value(), 4);
    auto odd = half(3);
    ASSERT_FALSE(odd.has_value());
    EXPECT_EQ(odd.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(odd.error().message, "odd");
    EXPECT_NE(std::string_view{odd.error().where.file_name()}.find("ResultTest"), std::string_view::npos);
}

TEST(ResultTest, KindNamesAreStable) {
    EXPECT_EQ(toString(ErrorKind::InvalidInput), "invalid_input");
    EXPECT_EQ(toString(ErrorKind::NotFound), "not_found");
    EXPECT_EQ(toString(ErrorKind::Io), "io");
    EXPECT_EQ(toString(ErrorKind::Parse), "parse");
    EXPECT_EQ(toString(ErrorKind::Config), "config");
    EXPECT_EQ(toString(ErrorKind::Unavailable), "unavailable");
    EXPECT_EQ(toString(ErrorKind::Internal), "internal");
}
