#include "kiosk/core/printer/printer_uri.hpp"

#include <gtest/gtest.h>

#include "platform/printer.hpp"

using kiosk::core::parsePrinterUri;
using kiosk::core::PrinterUri;

TEST(PrinterUriTest, ParsesEachScheme) {
    auto usb = parsePrinterUri("usb:/dev/usb/lp0");
    ASSERT_TRUE(usb);
    EXPECT_EQ(usb->scheme, PrinterUri::Scheme::Usb);
    EXPECT_EQ(usb->target, "/dev/usb/lp0");

    auto tcp = parsePrinterUri("tcp://192.168.1.50:9100");
    ASSERT_TRUE(tcp);
    EXPECT_EQ(tcp->scheme, PrinterUri::Scheme::Tcp);
    EXPECT_EQ(tcp->target, "192.168.1.50");
    EXPECT_EQ(tcp->port, 9100);

    auto noPort = parsePrinterUri("tcp://printer.local");
    ASSERT_TRUE(noPort);
    EXPECT_EQ(noPort->port, 9100);

    auto v6 = parsePrinterUri("tcp://[::1]:9200");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->target, "::1");
    EXPECT_EQ(v6->port, 9200);

    auto cups = parsePrinterUri("cups:Thermal_80");
    ASSERT_TRUE(cups);
    EXPECT_EQ(cups->scheme, PrinterUri::Scheme::Cups);
    EXPECT_EQ(cups->target, "Thermal_80");

    auto file = parsePrinterUri("file:/tmp/slips.bin");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->scheme, PrinterUri::Scheme::File);
    EXPECT_EQ(file->target, "/tmp/slips.bin");
    EXPECT_EQ(file->text, "file:/tmp/slips.bin");
}

TEST(PrinterUriTest, RejectsMalformedUris) {
    for (const char* bad : {"", "lp0", "http://x:1", "tcp:host:9100", "tcp://:9100", "tcp://host:", "tcp://host:0", "tcp://host:65536",
                            "tcp://host:12ab", "tcp://[::1", "usb:", "file:", "cups:", "cups:a/b", "file:/tmp/\x01x"}) {
        auto r = parsePrinterUri(bad);
        EXPECT_FALSE(r) << bad;
        if (!r) {
            EXPECT_EQ(r.error().kind, kiosk::core::ErrorKind::InvalidInput);
            EXPECT_FALSE(r.error().message.empty());
        }
    }
}

TEST(PrinterUriTest, ReadinessPicksTheMostUsefulError) {
    using kiosk::core::PrintFailure;
    using platform::PrinterStatus;
    EXPECT_TRUE(platform::readiness(PrinterStatus{}));
    EXPECT_TRUE(platform::readiness(PrinterStatus{.paperNearEnd = true}));
    EXPECT_EQ(platform::readiness(PrinterStatus{.online = false, .paperOut = true}).error().kind, PrintFailure::PaperOut);
    EXPECT_EQ(platform::readiness(PrinterStatus{.online = false, .coverOpen = true}).error().kind, PrintFailure::CoverOpen);
    EXPECT_EQ(platform::readiness(PrinterStatus{.online = false}).error().kind, PrintFailure::Offline);
    EXPECT_EQ(platform::readiness(PrinterStatus{.error = true}).error().kind, PrintFailure::PrinterError);
}

// The port is optional and defaults to the JetDirect port, the same in the config check and in the
// printer backends (one parser).
TEST(PrinterUriTest, TcpPortDefaultsTo9100) {
    for (const char* uri : {"tcp://printer.local", "tcp://192.168.1.50", "tcp://[fd00::5]", "tcp://printer.local/"}) {
        auto parsed = parsePrinterUri(uri);
        ASSERT_TRUE(parsed) << uri;
        EXPECT_EQ(parsed->port, PrinterUri::kDefaultTcpPort) << uri;
        EXPECT_EQ(parsed->port, 9100) << uri;
    }
}
