#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "kiosk/core/scan/image_ops.hpp"

namespace {

using namespace kiosk::core;

LumaImage ramp(int w, int h) {
    LumaImage img;
    img.resize(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img.pixels[static_cast<std::size_t>(y * w + x)] = static_cast<std::uint8_t>((x * 10 + y) % 256);
    return img;
}

TEST(ImageOpsTest, CentreRectIsCentredAndClamped) {
    const PixelRect r = centreRect(1280, 720, 0.5);
    EXPECT_EQ(r.width, 640);
    EXPECT_EQ(r.height, 360);
    EXPECT_EQ(r.x, 320);
    EXPECT_EQ(r.y, 180);
    const PixelRect all = centreRect(100, 50, 7.0);
    EXPECT_EQ(all.x, 0);
    EXPECT_EQ(all.width, 100);
}

TEST(ImageOpsTest, CropIsAViewWithTheParentStride) {
    const LumaImage img = ramp(20, 10);
    const ImageView c = crop(img.view(), {5, 2, 4, 3});
    EXPECT_EQ(c.width, 4);
    EXPECT_EQ(c.height, 3);
    EXPECT_EQ(c.stride, 20);
    EXPECT_EQ(c.row(1)[2], img.pixels[3 * 20 + 7]);
    const ImageView clipped = crop(img.view(), {18, 8, 10, 10});
    EXPECT_EQ(clipped.width, 2);
    EXPECT_EQ(clipped.height, 2);
}

TEST(ImageOpsTest, InvertOfAStridedView) {
    const LumaImage img = ramp(8, 4);
    LumaImage out;
    invertInto(crop(img.view(), {1, 1, 3, 2}), out);
    ASSERT_EQ(out.width, 3);
    ASSERT_EQ(out.height, 2);
    EXPECT_EQ(out.pixels[0], 255 - img.pixels[1 * 8 + 1]);
    EXPECT_EQ(out.pixels[5], 255 - img.pixels[2 * 8 + 3]);
}

TEST(ImageOpsTest, Downscale2AveragesBlocks) {
    LumaImage img;
    img.resize(4, 2);
    img.pixels = {0, 100, 200, 200, 100, 200, 200, 200};
    LumaImage out;
    downscale2Into(img.view(), out);
    ASSERT_EQ(out.width, 2);
    ASSERT_EQ(out.height, 1);
    EXPECT_EQ(out.pixels[0], 100);
    EXPECT_EQ(out.pixels[1], 200);
}

TEST(ImageOpsTest, DownscaleToFitKeepsAspectAndNeverEnlarges) {
    const LumaImage img = ramp(1280, 720);
    LumaImage out;
    downscaleToFitInto(img.view(), 320, 240, out);
    EXPECT_EQ(out.width, 320);
    EXPECT_EQ(out.height, 180);
    downscaleToFitInto(img.view(), 4000, 4000, out);
    EXPECT_EQ(out.width, 1280);
    EXPECT_EQ(out.pixels, img.pixels);
    downscaleToFitInto(img.view(), 0, 10, out);
    EXPECT_EQ(out.width, 0);
}

TEST(ImageOpsTest, Upscale2KeepsFlatAreasAndInterpolatesEdges) {
    LumaImage img;
    img.resize(2, 1);
    img.pixels = {0, 160};
    LumaImage out;
    upscale2Into(img.view(), out);
    ASSERT_EQ(out.width, 4);
    ASSERT_EQ(out.height, 2);
    EXPECT_EQ(out.pixels[0], 0);
    EXPECT_EQ(out.pixels[1], 40);   // 3/4 of 0 + 1/4 of 160
    EXPECT_EQ(out.pixels[2], 120);  // 1/4 of 0 + 3/4 of 160
    EXPECT_EQ(out.pixels[3], 160);
    EXPECT_EQ(out.pixels[4], out.pixels[0]);
}

}  // namespace

#include <random>

namespace {

using namespace kiosk::core;

LumaImage noisyFlat(double sigma, unsigned seed) {
    LumaImage img;
    img.resize(640, 480);
    std::mt19937 rng(seed);
    std::normal_distribution<double> n(128, sigma);
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(std::clamp(std::lround(n(rng)), 0L, 255L));
    return img;
}

TEST(ImageOpsTest, NoiseEstimateTracksSigma) {
    for (double sigma : {2.0, 4.0, 8.0, 16.0}) {
        const double est = estimateNoise(noisyFlat(sigma, 7).view());
        EXPECT_NEAR(est, sigma, 0.6 + sigma * 0.15) << sigma;
    }
    LumaImage flat;
    flat.resize(100, 100);
    EXPECT_LT(estimateNoise(flat.view()), 1.0);
    EXPECT_EQ(estimateNoise({}), 0.0);
}

TEST(ImageOpsTest, SmoothingHalvesNoiseAndKeepsFlatAreas) {
    const LumaImage noisy = noisyFlat(8, 3);
    LumaImage smooth;
    smoothInto(noisy.view(), smooth);
    ASSERT_EQ(smooth.width, noisy.width);
    const double after = estimateNoise(smooth.view());
    EXPECT_LT(after, 8.0 / 1.8);
    LumaImage flat;
    flat.resize(10, 10);
    std::fill(flat.pixels.begin(), flat.pixels.end(), std::uint8_t{77});
    smoothInto(flat.view(), smooth);
    EXPECT_EQ(smooth.pixels, flat.pixels);
}

}  // namespace

namespace {

using namespace kiosk::core;

TEST(ImageOpsTest, RowBandsAverageGroupsOfRows) {
    // Columns of 0/255 bars with noise along the bars: averaging 8 rows keeps the bars and
    // removes most of the noise. Width 37 exercises the 16-pixel chunks and the remainder.
    LumaImage img;
    img.resize(37, 19);
    std::mt19937 rng(4);
    std::uniform_int_distribution<int> noise(-20, 20);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            img.pixels[static_cast<std::size_t>(y * img.width + x)] = static_cast<std::uint8_t>(((x / 3) % 2 ? 200 : 40) + noise(rng));
    LumaImage band;
    averageRowsInto(img.view(), 8, band);
    ASSERT_EQ(band.width, 37);
    ASSERT_EQ(band.height, 2) << "19 rows make two whole groups of 8";
    for (int x = 0; x < band.width; ++x) {
        unsigned sum = 0;
        for (int k = 0; k < 8; ++k) sum += img.pixels[static_cast<std::size_t>((8 + k) * img.width + x)];
        EXPECT_EQ(band.pixels[static_cast<std::size_t>(band.width + x)], (sum + 4) / 8) << x;
        EXPECT_NEAR(band.pixels[static_cast<std::size_t>(x)], (x / 3) % 2 ? 200 : 40, 12) << x;
    }
    averageRowsInto(img.view(), 6, band);  // not a power of two: rounded down to 4
    EXPECT_EQ(band.height, 4);
}

TEST(ImageOpsTest, ColumnBandsAverageGroupsOfColumns) {
    LumaImage img;
    img.resize(10, 3);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 10; ++x) img.pixels[static_cast<std::size_t>(y * 10 + x)] = static_cast<std::uint8_t>(x * 10 + y);
    LumaImage band;
    averageColumnsInto(img.view(), 4, band);
    ASSERT_EQ(band.width, 2);
    ASSERT_EQ(band.height, 3);
    EXPECT_EQ(band.pixels[0], 15);      // (0 + 10 + 20 + 30) / 4
    EXPECT_EQ(band.pixels[1], 55);      // (40 + 50 + 60 + 70) / 4
    EXPECT_EQ(band.pixels[2 * 2 + 1], 57);
}

TEST(ImageOpsTest, LocalContrastNormalisationEvensOutAShadow) {
    // Stripes of ink on paper, the right half in shadow at a third of the light: afterwards ink
    // and paper have the same levels on both sides.
    LumaImage img;
    img.resize(240, 120);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const int lit = (x / 4) % 2 ? 220 : 40;
            img.pixels[static_cast<std::size_t>(y * img.width + x)] = static_cast<std::uint8_t>(x < 120 ? lit : lit / 3);
        }
    LumaImage out;
    normalizeLocalContrastInto(img.view(), 16, out);
    ASSERT_EQ(out.width, 240);
    auto at = [&](int x, int y) { return static_cast<int>(out.pixels[static_cast<std::size_t>(y * out.width + x)]); };
    const int paperLeft = at(30, 60), inkLeft = at(34, 60);   // x/4 odd: paper; even: ink
    const int paperRight = at(206, 60), inkRight = at(210, 60);
    EXPECT_GT(paperLeft - inkLeft, 60);
    EXPECT_GT(paperRight - inkRight, 60);
    EXPECT_NEAR(paperLeft, paperRight, 12);
    EXPECT_NEAR(inkLeft, inkRight, 12);
    normalizeLocalContrastInto({}, 16, out);
    EXPECT_EQ(out.width, 0);
}

}  // namespace
