// The camera path's binarizer and finder-pattern census (kiosk/core/scan/binarizer.hpp).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "kiosk/core/scan/binarizer.hpp"
#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/scan/image_ops.hpp"

namespace {

using namespace kiosk::core;

constexpr const char* kCode = "000.00.06.H56-231027-0361";

/// A grey page (level 200) with a QR code at (x, y), plus uniform noise of +-`noise`.
LumaImage page(int w, int h, int x, int y, int module, int noise, bool inverted = false) {
    LumaImage img;
    img.resize(w, h);
    std::fill(img.pixels.begin(), img.pixels.end(), std::uint8_t{200});
    if (module > 0) {
        CodeRenderOptions opts;
        opts.modulePixels = module;
        opts.light = 200;
        opts.dark = 30;
        auto code = renderCode(kCode, Symbology::QrCode, opts);
        EXPECT_TRUE(code.has_value());
        if (code) blit(code->view(), img, x, y);
    }
    if (inverted) invertInto(img.view(), img);
    std::mt19937 rng(9);
    std::uniform_int_distribution<int> n(-noise, noise);
    if (noise > 0)
        for (auto& p : img.pixels) p = static_cast<std::uint8_t>(std::clamp(p + n(rng), 0, 255));
    return img;
}

int count(const LumaImage& img, std::uint8_t value) {
    return static_cast<int>(std::count(img.pixels.begin(), img.pixels.end(), value));
}

TEST(BinarizerTest, NoisyPaperIsFlatAndTheCodeIsDarkAndLight) {
    // Noise of +-20 (sigma 11.5) on blank paper: flat, whatever polarity is read later.
    const LumaImage img = page(640, 480, 200, 120, 5, 20);
    BinarizerOptions options;
    options.noiseSigma = estimateNoise(img.view());
    LumaImage bin;
    std::vector<std::int32_t> scratch;
    binarizeInto(img.view(), options, bin, scratch);
    ASSERT_EQ(bin.width, 640);
    ASSERT_EQ(bin.height, 480);
    auto at = [&](int x, int y) { return bin.pixels[static_cast<std::size_t>(y * bin.width + x)]; };
    EXPECT_EQ(at(20, 20), kBinaryFlat) << "blank paper far from the code";
    EXPECT_EQ(at(620, 460), kBinaryFlat);
    // Top-left finder pattern: its outer ring dark, the ring inside it light, its centre dark.
    const int q = 4 * 5;  // quiet zone
    EXPECT_EQ(at(200 + q + 2, 120 + q + 17), kBinaryDark);
    EXPECT_EQ(at(200 + q + 7, 120 + q + 17), kBinaryLight);
    EXPECT_EQ(at(200 + q + 17, 120 + q + 17), kBinaryDark);
    // Blank paper is most of the page; the code is all light and dark.
    EXPECT_GT(count(bin, kBinaryFlat), 640 * 480 / 2);
    EXPECT_GT(count(bin, kBinaryDark), 1000);
}

TEST(BinarizerTest, InvertingSwapsDarkAndLightButFlatStaysLight) {
    LumaImage bin;
    bin.resize(20, 1);
    for (int x = 0; x < 20; ++x) bin.pixels[static_cast<std::size_t>(x)] = x < 7 ? kBinaryDark : x < 14 ? kBinaryLight : kBinaryFlat;
    LumaImage inv;
    invertBinaryInto(bin.view(), inv);
    for (int x = 0; x < 20; ++x) {
        const auto v = inv.pixels[static_cast<std::size_t>(x)];
        EXPECT_EQ(v, x < 7 ? kBinaryLight : x < 14 ? kBinaryDark : kBinaryLight) << x;
    }
}

TEST(BinarizerTest, CensusFindsTheFinderPatternsOfEachPolarity) {
    for (const bool inverted : {false, true}) {
        const LumaImage img = page(640, 480, 180, 100, 4, 8, inverted);
        BinarizerOptions options;
        options.noiseSigma = estimateNoise(img.view());
        LumaImage bin;
        std::vector<std::int32_t> scratch;
        binarizeInto(img.view(), options, bin, scratch);
        const FinderCensus census = scanFinderPatterns(bin.view());
        const int mine = inverted ? census.lightOnDark : census.darkOnLight;
        const int other = inverted ? census.darkOnLight : census.lightOnDark;
        EXPECT_GE(mine, 3) << (inverted ? "inverted" : "ordinary") << ": three finder patterns";
        EXPECT_LE(mine, 5) << "each pattern counted once, not once per row";
        EXPECT_LT(other, mine);
    }
}

TEST(BinarizerTest, CensusOfTextAndNoiseIsEmpty) {
    // Word-like dark bars on noisy paper: 1:1:3:1:1 runs can occur along a row, but not across.
    LumaImage img = page(640, 480, 0, 0, 0, 12);
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> word(8, 60);
    for (int y = 20; y + 10 < 460; y += 22) {
        for (int x = 10; x < 620;) {
            const int w = word(rng);
            for (int yy = y; yy < y + 10; ++yy)
                for (int xx = x; xx < std::min(630, x + w); ++xx) img.pixels[static_cast<std::size_t>(yy * 640 + xx)] = 50;
            x += w + 7;
        }
    }
    BinarizerOptions options;
    options.noiseSigma = estimateNoise(img.view());
    LumaImage bin;
    std::vector<std::int32_t> scratch;
    binarizeInto(img.view(), options, bin, scratch);
    const FinderCensus census = scanFinderPatterns(bin.view());
    EXPECT_EQ(census.darkOnLight, 0);
    EXPECT_EQ(census.lightOnDark, 0);
}

TEST(BinarizerTest, EmptyAndOddSizedImagesAreSafe) {
    LumaImage bin;
    std::vector<std::int32_t> scratch;
    binarizeInto({}, {}, bin, scratch);
    EXPECT_EQ(bin.width, 0);
    EXPECT_EQ(scanFinderPatterns({}).darkOnLight, 0);
    // 1x1, and a strided view whose width is not a multiple of the block or the chunk.
    const std::uint8_t one = 10;
    binarizeInto({&one, 1, 1, 1}, {}, bin, scratch);
    EXPECT_EQ(bin.width, 1);
    const LumaImage img = page(130, 70, 10, 5, 2, 5);
    binarizeInto(crop(img.view(), {3, 2, 101, 61}), {}, bin, scratch);
    EXPECT_EQ(bin.width, 101);
    EXPECT_EQ(bin.height, 61);
    scanFinderPatterns(bin.view(), 1, 1.0);
}

}  // namespace
