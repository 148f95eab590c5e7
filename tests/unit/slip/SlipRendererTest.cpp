#include "kiosk/core/slip/slip_renderer.hpp"

#include <gtest/gtest.h>

#include "kiosk/core/slip/qr_image.hpp"
#include "kiosk/core/slip/test_page.hpp"
#include "tests/support/slip_samples.hpp"

using namespace kiosk::core;
using namespace kiosk::core::slip;

namespace {
const kiosk::test::NotoFonts& fonts() {
    static const kiosk::test::NotoFonts f;
    return f;
}

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (auto c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

Slip oneBlock(std::string text, TextSize size = TextSize::Normal, Weight w = Weight::Regular) {
    Slip s;
    s.body.push_back(TextBlock{std::move(text), size, w, Align::Left});
    return s;
}

// Every glyph inside its line box, every line box inside the paper, and lines that share columns
// do not overlap (key/value rows put two columns side by side).
void expectNoClipping(const RenderedSlip& r, int width) {
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const auto& line = r.lines[i];
        EXPECT_GE(line.box.x0, 0);
        EXPECT_LE(line.box.x1, width);
        EXPECT_LE(line.box.y1, r.raster.height);
        for (std::size_t j = 0; j < i; ++j) {
            const auto& o = r.lines[j].box;
            const bool sameColumn = o.x0 < line.box.x1 && line.box.x0 < o.x1;
            EXPECT_FALSE(sameColumn && o.y0 < line.box.y1 && line.box.y0 < o.y1) << "lines " << j << " and " << i << " overlap";
        }
        for (const auto& g : line.glyphs) {
            EXPECT_TRUE(line.box.contains(g)) << "glyph [" << g.x0 << "," << g.y0 << "-" << g.x1 << "," << g.y1
                                              << "] outside line [" << line.box.x0 << "," << line.box.y0 << "-"
                                              << line.box.x1 << "," << line.box.y1 << "]";
        }
    }
}
}  // namespace

TEST(SlipRendererTest, RejectsBytesThatAreNotAFont) {
    const std::vector<std::uint8_t> junk(100, 0x41);
    auto r = SlipRenderer::create({junk, fonts().bold});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("regular"), std::string::npos);
}

TEST(SlipRendererTest, RejectsPaperWidthOutOfRange) {
    auto r = fonts().renderer().render(oneBlock("x"), {.paperWidthDots = 50});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
}

TEST(SlipRendererTest, RasterHasThePaperWidthAndInk) {
    for (int width : {384, 576}) {
        auto r = fonts().renderer().render(oneBlock("Bộ phận Một cửa"), {.paperWidthDots = width});
        ASSERT_TRUE(r) << r.error().message;
        EXPECT_EQ(r->raster.width, width);
        EXPECT_GT(r->raster.inkCount(), 200);
        ASSERT_EQ(r->lines.size(), 1u);
    }
}

TEST(SlipRendererTest, WrapsAtSpacesNeverInsideAWord) {
    // Each word is drawn alone to learn its glyph count; a wrapped paragraph's lines must hold
    // whole words only: the glyph count of each line is a sum of whole-word counts.
    const std::string text = "Yêu cầu thực hiện nghĩa vụ tài chính trước ngày hẹn trả kết quả của hồ sơ";
    auto r = fonts().renderer().render(oneBlock(text, TextSize::Large), {.paperWidthDots = 384});
    ASSERT_TRUE(r);
    ASSERT_GT(r->lines.size(), 1u);
    std::vector<std::size_t> wordGlyphs;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        auto w = fonts().renderer().render(oneBlock(text.substr(start, end - start), TextSize::Large));
        ASSERT_TRUE(w);
        wordGlyphs.push_back(w->lines.at(0).glyphs.size());
        start = end + 1;
    }
    std::size_t word = 0;
    for (const auto& line : r->lines) {
        std::size_t n = 0;
        while (word < wordGlyphs.size() && n < line.glyphs.size()) {
            n += wordGlyphs[word++];
        }
        EXPECT_EQ(n, line.glyphs.size()) << "a line ends inside a word";
    }
    EXPECT_EQ(word, wordGlyphs.size());
}

TEST(SlipRendererTest, BreaksAnOverlongWordBetweenCodePoints) {
    const std::string word = "ĐƯỜNGDÂYNÓNGHỖTRỢTHỦTỤCHÀNHCHÍNHCÔNGTRỰCTUYẾNMỨCĐỘBỐN";
    auto r = fonts().renderer().render(oneBlock(word, TextSize::Title, Weight::Bold), {.paperWidthDots = 384});
    ASSERT_TRUE(r);
    EXPECT_GT(r->lines.size(), 1u);
    std::size_t glyphs = 0;
    for (const auto& l : r->lines) glyphs += l.glyphs.size();
    // Every code point is drawn exactly once (each letter is precomposed, so one glyph each).
    EXPECT_EQ(glyphs, codePoints(word));
    expectNoClipping(*r, 384);
}

TEST(SlipRendererTest, ComposesDecomposedVietnameseToNfc) {
    // "Việt" typed with combining marks must print exactly like the precomposed word.
    auto composed = fonts().renderer().render(oneBlock("Vi\xe1\xbb\x87t"));
    auto decomposed = fonts().renderer().render(oneBlock("Vie\xcc\x82\xcc\xa3t"));
    ASSERT_TRUE(composed && decomposed);
    EXPECT_EQ(composed->raster, decomposed->raster);
}

TEST(SlipRendererTest, InvalidUtf8PrintsWithoutCrashing) {
    auto r = fonts().renderer().render(oneBlock(std::string{"M\xc3\x28 h\xe1\xbb s\xf0\x9f\x98"}));
    ASSERT_TRUE(r);
    EXPECT_GT(r->raster.inkCount(), 0);
}

TEST(SlipRendererTest, StackedDiacriticsAreNotClipped) {
    // Capitals with a circumflex/breve plus a tone mark rise above the font's ascent.
    Slip s;
    for (int i = 0; i < 3; ++i) {
        s.body.push_back(TextBlock{"ẪẶỖỮẲỄ ỞỠẨẴỄ", TextSize::Title, Weight::Bold});
        s.body.push_back(TextBlock{"ặỵụ ĐẬU ĐỖ", TextSize::Small});
    }
    auto r = fonts().renderer().render(s);
    ASSERT_TRUE(r);
    expectNoClipping(*r, 384);
    // The tallest glyph really does reach above the cap line: the check above is not vacuous.
    const auto& first = r->lines.front();
    int top = first.box.y1;
    for (const auto& g : first.glyphs) top = std::min(top, g.y0);
    EXPECT_LE(top - first.box.y0, 2) << "line box much taller than its tallest glyph";
}

TEST(SlipRendererTest, QrUsesAtLeastFourDotsPerModuleWithQuietZone) {
    Slip s;
    s.body.push_back(QrBlock{"https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=000.00.06.H56-231027-0361", ""});
    auto r = fonts().renderer().render(s);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->qrCodes.size(), 1u);
    EXPECT_GE(r->qrModuleDots, 4);
    const auto box = r->qrCodes[0];
    // The quiet zone (4 modules) is white.
    const int quiet = 4 * r->qrModuleDots;
    for (int y = box.y0; y < box.y1; ++y) {
        for (int x = box.x0; x < box.x1; ++x) {
            const bool inQuiet = x < box.x0 + quiet || x >= box.x1 - quiet || y < box.y0 + quiet || y >= box.y1 - quiet;
            if (inQuiet) {
                ASSERT_FALSE(r->raster.get(x, y)) << "ink in quiet zone at " << x << "," << y;
            }
        }
    }
}

TEST(SlipRendererTest, QrThatCannotFitIsAnError) {
    Slip s;
    s.body.push_back(QrBlock{std::string(900, 'x'), ""});
    auto r = fonts().renderer().render(s, {.paperWidthDots = 384});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("does not fit"), std::string::npos);
}

TEST(SlipRendererTest, TestPageHasEveryVietnameseLetterUnclipped) {
    for (int width : {384, 576}) {
        auto r = fonts().renderer().render(buildTestPage("Trung tâm Phục vụ hành chính công", kiosk::test::sampleNow(),
                                                         width, "kiosk print-test"),
                                           {.paperWidthDots = width});
        ASSERT_TRUE(r) << r.error().message;
        expectNoClipping(*r, width);
    }
    // 12 vowels x 6 tones x 2 cases + đ/Đ.
    std::size_t letters = 0;
    for (auto c : vietnameseAlphabet()) letters += (c != ' ' && c != '\n' && (static_cast<unsigned char>(c) & 0xC0) != 0x80);
    EXPECT_EQ(letters, 12u * 6u * 2u + 2u);
}

TEST(SlipRendererTest, ShrinkToFitKeepsADossierCodeOnOneLine) {
    TextBlock block{"000.00.06.H56-231027-0361", TextSize::Title, Weight::Bold, Align::Center};
    Slip wraps;
    wraps.body.push_back(block);
    block.shrinkToFit = true;
    Slip fits;
    fits.body.push_back(block);
    auto a = fonts().renderer().render(wraps, {.paperWidthDots = 384});
    auto b = fonts().renderer().render(fits, {.paperWidthDots = 384});
    ASSERT_TRUE(a && b);
    EXPECT_GT(a->lines.size(), 1u);
    EXPECT_EQ(b->lines.size(), 1u);
}

TEST(SlipRendererTest, RunawayTextIsRefusedNotPrintedForMetres) {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "Hồ sơ đang được xử lý. ";
    auto r = fonts().renderer().render(oneBlock(text), {.paperWidthDots = 384, .maxHeightDots = 4000});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("limit"), std::string::npos);
}
