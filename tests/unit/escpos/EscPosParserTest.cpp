#include "kiosk/core/escpos/escpos_parser.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/slip/qr_image.hpp"

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

namespace {
std::vector<std::uint8_t> bytesOf(std::initializer_list<int> list) {
    std::vector<std::uint8_t> out;
    for (int b : list) out.push_back(static_cast<std::uint8_t>(b));
    return out;
}
/// GS ( k for QR (cn 49) with function fn and its parameters.
void appendQrCommand(std::vector<std::uint8_t>& out, int fn, std::string_view params) {
    const std::size_t pl = params.size() + 2;  // pL pH count cn, fn and the parameters
    out.insert(out.end(), {0x1D, '(', 'k', static_cast<std::uint8_t>(pl & 0xFF), static_cast<std::uint8_t>(pl >> 8), 49,
                           static_cast<std::uint8_t>(fn)});
    out.insert(out.end(), params.begin(), params.end());
}
std::string parseError(const std::vector<std::uint8_t>& bytes) {
    auto r = parseEscPos(bytes);
    return r ? std::string{} : r.error().message;
}
}  // namespace

TEST(EscPosParserTest, FeedsAddWhiteRowsAtTheLineSpacing) {
    // LF at the default 30 dots, ESC 3 20 then LF, ESC J 7, ESC d 2 (2 lines of 20), ESC 2 then LF (back to 30), CR adds nothing.
    const auto bytes = bytesOf({0x0A, 0x1B, '3', 20, 0x0A, 0x1B, 'J', 7, 0x1B, 'd', 2, 0x1B, '2', 0x0A, 0x0D});
    auto r = parseEscPos(bytes);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->pages.size(), 1u);
    EXPECT_EQ(r->pages[0].image.height, 30 + 20 + 7 + 40 + 30);
    EXPECT_EQ(r->pages[0].cut, CutMode::None);
}

TEST(EscPosParserTest, BeepsAndDrawerKicksAreCounted) {
    const auto bytes = bytesOf({0x1B, '@', 0x1B, 'B', 2, 1, 0x1B, 'p', 0, 25, 250, 0x1B, 'B', 1, 1, 0x1B, '@'});
    auto r = parseEscPos(bytes);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->beeps, 2);
    EXPECT_EQ(r->drawerKicks, 1);
    EXPECT_EQ(r->inits, 2);
    EXPECT_TRUE(r->pages.empty());  // nothing was drawn
}

TEST(EscPosParserTest, CutModesAndFeedBeforeCut) {
    // GS V 0 full, GS V 49 partial, GS V 66 n: feed n rows then partial cut.
    const auto bytes = bytesOf({0x0A, 0x1D, 'V', 0, 0x0A, 0x1D, 'V', 49, 0x0A, 0x1D, 'V', 66, 12});
    auto r = parseEscPos(bytes);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->pages.size(), 3u);
    EXPECT_EQ(r->pages[0].cut, CutMode::Full);
    EXPECT_EQ(r->pages[1].cut, CutMode::Partial);
    EXPECT_EQ(r->pages[2].cut, CutMode::Partial);
    EXPECT_EQ(r->pages[2].image.height, 30 + 12);
}

TEST(EscPosParserTest, NativeQrIsPlacedByAlignmentAndRecorded) {
    const std::string payload = "000.00.06.H56-231027-0361";
    auto qr = slip::renderQr(payload, 4);
    ASSERT_TRUE(qr) << qr.error().message;
    for (int align : {0, 1, 2}) {
        // A 384-dot wide blank band sets the page width, then the QR is drawn with ESC a align.
        std::vector<std::uint8_t> bytes = {0x1D, 'v', '0', 0, 48, 0, 1, 0};
        bytes.insert(bytes.end(), 48, 0);
        bytes.insert(bytes.end(), {0x1B, 'a', static_cast<std::uint8_t>(48 + align)});
        appendQrCommand(bytes, 67, std::string(1, '\x04'));
        appendQrCommand(bytes, 69, "1");
        appendQrCommand(bytes, 80, "0" + payload);
        appendQrCommand(bytes, 81, "0");
        auto r = parseEscPos(bytes);
        ASSERT_TRUE(r) << r.error().message;
        ASSERT_EQ(r->pages.size(), 1u);
        const auto& page = r->pages[0];
        ASSERT_EQ(page.qrPayloads.size(), 1u);
        EXPECT_EQ(page.qrPayloads[0], payload);
        EXPECT_EQ(page.image.width, 384);
        EXPECT_EQ(page.image.height, 1 + qr->height);
        const int x = align == 0 ? 0 : align == 1 ? (384 - qr->width) / 2 : 384 - qr->width;
        // The QR's own pixels sit at x; compare every dot of it.
        int mismatches = 0;
        for (int y = 0; y < qr->height; ++y)
            for (int qx = 0; qx < qr->width; ++qx) mismatches += page.image.get(x + qx, 1 + y) != qr->get(qx, y);
        EXPECT_EQ(mismatches, 0) << "align " << align;
    }
}

TEST(EscPosParserTest, MalformedCommandsNameTheProblem) {
    EXPECT_NE(parseError(bytesOf({0x10, 0x05, 1})).find("unsupported DLE"), std::string::npos);
    EXPECT_NE(parseError(bytesOf({0x1B, 'Z'})).find("unsupported command ESC"), std::string::npos);
    EXPECT_NE(parseError(bytesOf({0x1D, 'Z'})).find("unsupported command GS"), std::string::npos);
    EXPECT_NE(parseError(bytesOf({0x1D, 'v', '1', 0, 1, 0, 1, 0, 0})).find("malformed GS v 0"), std::string::npos);
    EXPECT_NE(parseError(bytesOf({0x1D, 'V', 7})).find("unsupported cut mode"), std::string::npos);
    EXPECT_NE(parseError(bytesOf({0x1D, '(', 'x', 3, 0, 49, 65, 0})).find("unsupported command GS ("), std::string::npos);
    EXPECT_NE(parseError(bytesOf({0x1D, '(', 'k', 1, 0, 49})).find("length 1 is out of range"), std::string::npos);

    std::vector<std::uint8_t> notQr = {0x1D, '(', 'k', 3, 0, 48, 65, 0};
    EXPECT_NE(parseError(notQr).find("is not QR"), std::string::npos);
    std::vector<std::uint8_t> badModule;
    appendQrCommand(badModule, 67, std::string(1, '\x11'));
    EXPECT_NE(parseError(badModule).find("module size 17 out of range"), std::string::npos);
    std::vector<std::uint8_t> badFn;
    appendQrCommand(badFn, 90, "0");
    EXPECT_NE(parseError(badFn).find("QR function 90"), std::string::npos);
    std::vector<std::uint8_t> printEmpty;
    appendQrCommand(printEmpty, 81, "0");
    EXPECT_NE(parseError(printEmpty).find("no data stored"), std::string::npos);
}

TEST(EscPosParserTest, EveryCommandSplitAcrossChunksWaitsForItsBytes) {
    std::vector<std::uint8_t> bytes = bytesOf({0x10, 0x04, 1, 0x1B, '3', 24, 0x1B, 'B', 1, 1, 0x1B, 'p', 0, 1, 1,
                                               0x1D, 'V', 65, 3, 0x1D, 'v', '0', 0, 1, 0, 2, 0, 0xFF, 0x81});
    appendQrCommand(bytes, 80, "0abc");
    appendQrCommand(bytes, 81, "0");
    const auto whole = parseEscPos(bytes);
    ASSERT_TRUE(whole) << whole.error().message;
    // Split at every position: the first part may end inside any command and must not be an error.
    for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
        EscPosParser parser;
        auto a = parser.feed(std::span{bytes.data(), cut});
        ASSERT_TRUE(a) << "cut " << cut << ": " << a.error().message;
        auto b = parser.feed(std::span{bytes.data() + cut, bytes.size() - cut});
        ASSERT_TRUE(b) << "cut " << cut << ": " << b.error().message;
        ASSERT_TRUE(parser.finish());
        EXPECT_EQ(a->size() + b->size(), 4u) << "cut " << cut;  // status, beep, kick, page done; none for the QR
        auto pages = parser.takePages();
        ASSERT_EQ(pages.size(), 1u);
        auto rest = parser.takeUncutPage();
        ASSERT_TRUE(rest.has_value());
        EXPECT_EQ(rest->qrPayloads, std::vector<std::string>{"abc"});
        EXPECT_EQ(rest->image, whole->pages[1].image);
    }
}
