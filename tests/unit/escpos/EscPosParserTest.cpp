#include "kiosk/core/escpos/escpos_parser.hpp"

#include <gtest/gtest.h>

using namespace kiosk::core;
using namespace kiosk::core::escpos;

namespace {
slip::Raster pattern(int w, int h) {
    auto r = slip::Raster::blank(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if ((x * 7 + y * 3) % 5 == 0) r.set(x, y);
    return r;
}
}  // namespace

TEST(EscPosParserTest, RebuildsRasterFromBands) {
    const auto img = pattern(384, 250);
    const auto job = encodeJob(img, {.bandRows = 64, .feedDotsBeforeCut = 0});
    auto parsed = parseEscPos(job);
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->pages.size(), 1u);
    EXPECT_EQ(parsed->pages[0].image, img);
    EXPECT_EQ(parsed->pages[0].rasterBands, 4);
    EXPECT_EQ(parsed->inits, 1);
}

TEST(EscPosParserTest, ByteByByteFeedGivesTheSamePages) {
    const auto img = pattern(200, 90);
    auto bytes = encodeJob(img, {.bandRows = 24});
    const auto second = encodeJob(pattern(200, 30), {.cut = CutMode::Full});
    bytes.insert(bytes.end(), second.begin(), second.end());
    EscPosParser parser;
    int pagesDone = 0;
    for (auto b : bytes) {
        auto ev = parser.feed(std::span{&b, 1});
        ASSERT_TRUE(ev) << ev.error().message;
        for (const auto& e : *ev) pagesDone += e.kind == ParserEvent::Kind::PageDone;
    }
    ASSERT_TRUE(parser.finish());
    EXPECT_EQ(pagesDone, 2);
    const auto pages = parser.takePages();
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[1].cut, CutMode::Full);
    auto whole = parseEscPos(bytes);
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->pages[0].image, pages[0].image);
    EXPECT_EQ(whole->pages[1].image, pages[1].image);
}

TEST(EscPosParserTest, StatusRequestsAreEvents) {
    const std::vector<std::uint8_t> bytes{0x10, 0x04, 1, 0x10, 0x04, 4};
    EscPosParser parser;
    auto ev = parser.feed(bytes);
    ASSERT_TRUE(ev);
    ASSERT_EQ(ev->size(), 2u);
    EXPECT_EQ((*ev)[0].kind, ParserEvent::Kind::StatusRequest);
    EXPECT_EQ((*ev)[1].n, 4);
}

TEST(EscPosParserTest, RejectsGarbageWithOffset) {
    std::vector<std::uint8_t> bytes{0x1B, '@', 'H', 'i'};
    auto r = parseEscPos(bytes);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Parse);
    EXPECT_NE(r.error().message.find("byte 2"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("0x48"), std::string::npos);

    EXPECT_FALSE(parseEscPos(std::vector<std::uint8_t>{0x1B, 0x99}));
    EXPECT_FALSE(parseEscPos(std::vector<std::uint8_t>{0x10, 0x04, 9}));
    EXPECT_FALSE(parseEscPos(std::vector<std::uint8_t>{0x1D, '(', 'k', 3, 0, 50, 65, 0}));  // PDF417
}

TEST(EscPosParserTest, ParserRefusesInputAfterAnError) {
    EscPosParser parser;
    const std::vector<std::uint8_t> bad{0xFF};
    EXPECT_FALSE(parser.feed(bad));
    const std::vector<std::uint8_t> good{0x1B, '@'};
    EXPECT_FALSE(parser.feed(good));
}

TEST(EscPosParserTest, OversizedRasterHeaderIsRejectedBeforeBuffering) {
    // 65535 x 65535 bytes announced: refused from the header alone.
    const std::vector<std::uint8_t> bytes{0x1D, 'v', '0', 0, 0xFF, 0xFF, 0xFF, 0xFF};
    auto r = parseEscPos(bytes);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("out of range"), std::string::npos);
}

TEST(EscPosParserTest, TruncatedJobIsReported) {
    auto bytes = encodeJob(pattern(384, 100));
    bytes.resize(bytes.size() / 2);
    auto r = parseEscPos(bytes);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("cut short"), std::string::npos);
}

TEST(EscPosParserTest, PageLengthIsBounded) {
    EscPosEncoder enc;
    for (int i = 0; i < 10; ++i) enc.feedDots(255);
    auto r = parseEscPos(enc.bytes(), {.maxPageRows = 1000});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("longer"), std::string::npos);
}

TEST(EscPosParserTest, RandomStreamsNeverCrashAndStayBounded) {
    // Seeded pseudo-random streams, biased towards command bytes so headers get exercised; the
    // parser must end in a value (pages or an error), in any chunking.
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<std::uint8_t>(seed >> 24);
    };
    const std::uint8_t interesting[] = {0x1B, 0x1D, 0x10, 0x04, '@', 'v', '0', 'V', '(', 'k', 49, 80, 81, 0x0A, 0};
    int errors = 0;
    for (int round = 0; round < 300; ++round) {
        std::vector<std::uint8_t> bytes(64 + round % 200);
        for (auto& b : bytes) {
            const auto r = next();
            b = r < 160 ? interesting[r % sizeof interesting] : next();
        }
        EscPosParser parser({.maxWidthDots = 512, .maxBandRows = 64, .maxPageRows = 2000});
        bool failed = false;
        for (std::size_t i = 0; i < bytes.size() && !failed; i += 7) {
            const auto n = std::min<std::size_t>(7, bytes.size() - i);
            failed = !parser.feed(std::span{bytes.data() + i, n});
        }
        if (!failed) failed = !parser.finish();
        errors += failed;
        for (const auto& page : parser.takePages()) {
            EXPECT_LE(page.image.width, 512);
            EXPECT_LE(page.image.height, 2000);
        }
    }
    EXPECT_GT(errors, 0);
}

TEST(EscPosParserTest, NativeQrWiderThanThePaperIsRejected) {
    EscPosEncoder enc;
    ASSERT_TRUE(enc.nativeQr(std::string(300, 'A'), 16));
    auto r = parseEscPos(enc.bytes(), {.maxWidthDots = 576});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("wider than the paper"), std::string::npos) << r.error().message;
}
