#include "kiosk/core/escpos/printer_status.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core::escpos;

TEST(PrinterStatusTest, AllClearRepliesMeanReady) {
    const std::uint8_t replies[] = {0x12, 0x12, 0x12, 0x12};
    auto s = parseStatusReplies(replies);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->ready());
    EXPECT_EQ(*s, PrinterStatus{});
}

TEST(PrinterStatusTest, DecodesEachFlag) {
    const std::uint8_t offline[] = {0x1A, 0x12, 0x12, 0x12};
    EXPECT_FALSE(parseStatusReplies(offline)->online);
    const std::uint8_t cover[] = {0x1A, 0x16, 0x12, 0x12};
    EXPECT_TRUE(parseStatusReplies(cover)->coverOpen);
    const std::uint8_t nearEnd[] = {0x12, 0x12, 0x12, 0x1E};
    auto ne = parseStatusReplies(nearEnd);
    EXPECT_TRUE(ne->paperNearEnd);
    EXPECT_FALSE(ne->paperOut);
    EXPECT_TRUE(ne->ready());
    const std::uint8_t out[] = {0x1A, 0x32, 0x12, 0x72};
    auto po = parseStatusReplies(out);
    EXPECT_TRUE(po->paperOut);
    EXPECT_FALSE(po->ready());
    const std::uint8_t cutter[] = {0x1A, 0x52, 0x1A, 0x12};
    EXPECT_TRUE(parseStatusReplies(cutter)->error);
}

TEST(PrinterStatusTest, RejectsBytesThatAreNotStatus) {
    const std::uint8_t garbage[] = {0x12, 0x41, 0x12, 0x12};
    auto s = parseStatusReplies(garbage);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("0x41"), std::string::npos);
    const std::uint8_t shortReply[] = {0x12, 0x12};
    EXPECT_FALSE(parseStatusReplies(shortReply));
    PrinterStatus st;
    EXPECT_FALSE(applyStatusByte(st, 5, 0x12));
}

TEST(PrinterStatusTest, VirtualPrinterBytesRoundTrip) {
    for (PrinterStatus s : {PrinterStatus{}, PrinterStatus{.paperNearEnd = true},
                            PrinterStatus{.online = false, .paperNearEnd = true, .paperOut = true},
                            PrinterStatus{.online = false, .coverOpen = true}}) {
        const std::uint8_t replies[] = {statusByteFor(s, 1), statusByteFor(s, 2), statusByteFor(s, 3), statusByteFor(s, 4)};
        auto parsed = parseStatusReplies(replies);
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, s);
    }
}

TEST(PrinterStatusTest, JsonIsOneLine) {
    const auto json = toJson(PrinterStatus{.paperNearEnd = true});
    EXPECT_EQ(json, R"({"online":true,"cover_open":false,"paper_near_end":true,"paper_out":false,"error":false,"ready":true})");
}
