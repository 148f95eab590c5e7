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
