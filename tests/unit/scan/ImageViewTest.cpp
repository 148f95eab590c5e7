#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "kiosk/core/scan/image_view.hpp"

namespace {

using namespace kiosk::core;

TEST(ImageViewTest, ValidNeedsDataSizeAndStride) {
    const std::uint8_t px[6] = {};
    EXPECT_TRUE((ImageView{px, 3, 2, 3}.valid()));
    EXPECT_FALSE((ImageView{nullptr, 3, 2, 3}.valid()));
    EXPECT_FALSE((ImageView{px, 0, 2, 3}.valid()));
    EXPECT_FALSE((ImageView{px, 3, 0, 3}.valid()));
    EXPECT_FALSE((ImageView{px, 3, 2, 2}.valid()));  // stride shorter than a row
}

TEST(ImageViewTest, CopyImagePacksAStridedView) {
    // 3x2 image inside rows of 5 bytes: the two padding bytes per row must not be copied.
    const std::vector<std::uint8_t> buf = {1, 2, 3, 99, 99, 4, 5, 6, 99, 99};
    const LumaImage out = copyImage(ImageView{buf.data(), 3, 2, 5});
    EXPECT_EQ(out.width, 3);
    EXPECT_EQ(out.height, 2);
    EXPECT_EQ(out.pixels, (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(out.view().stride, 3);
}

TEST(ImageViewTest, CopyImageOfAnInvalidViewIsEmpty) {
    const LumaImage out = copyImage(ImageView{});
    EXPECT_EQ(out.width, 0);
    EXPECT_EQ(out.height, 0);
    EXPECT_TRUE(out.pixels.empty());
    EXPECT_FALSE(out.view().valid());
}

TEST(ImageViewTest, PngRoundTripKeepsEveryPixel) {
    LumaImage img;
    img.resize(7, 5);
    for (std::size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = static_cast<std::uint8_t>(i * 37 % 256);
    auto png = encodePng(img.view());
    ASSERT_TRUE(png.has_value()) << png.error().message;
    ASSERT_GE(png->size(), 8u);
    EXPECT_EQ((*png)[1], 'P');
    EXPECT_EQ((*png)[2], 'N');
    EXPECT_EQ((*png)[3], 'G');
    auto back = decodeImage(*png);
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(back->width, 7);
    EXPECT_EQ(back->height, 5);
    EXPECT_EQ(back->pixels, img.pixels);
}

TEST(ImageViewTest, EncodePngHonoursTheStride) {
    const std::vector<std::uint8_t> buf = {10, 20, 0, 30, 40, 0};
    auto png = encodePng(ImageView{buf.data(), 2, 2, 3});
    ASSERT_TRUE(png.has_value());
    auto back = decodeImage(*png);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->pixels, (std::vector<std::uint8_t>{10, 20, 30, 40}));
}

TEST(ImageViewTest, EncodePngRefusesAnEmptyView) {
    auto png = encodePng(ImageView{});
    ASSERT_FALSE(png.has_value());
    EXPECT_EQ(png.error().kind, ErrorKind::InvalidInput);
}

TEST(ImageViewTest, DecodeImageRejectsEmptyAndGarbageBytes) {
    auto empty = decodeImage({});
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().kind, ErrorKind::InvalidInput);

    const std::vector<std::uint8_t> garbage = {'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e'};
    auto bad = decodeImage(garbage);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(bad.error().message.find("not a readable image"), std::string::npos);
}

TEST(ImageViewTest, DecodeImageConvertsAGreyPgm) {
    // Binary PGM (P5), 2x1, maxval 255.
    const std::vector<std::uint8_t> pgm = {'P', '5', '\n', '2', ' ', '1', '\n', '2', '5', '5', '\n', 0, 200};
    auto img = decodeImage(pgm);
    ASSERT_TRUE(img.has_value()) << img.error().message;
    EXPECT_EQ(img->width, 2);
    EXPECT_EQ(img->height, 1);
    EXPECT_EQ(img->pixels, (std::vector<std::uint8_t>{0, 200}));
}

TEST(ImageViewTest, DecodeImageReadsA24BitBmpAsLuminance) {
    // 1x1 BMP, 24 bits per pixel, pure white: stb's luminance of (255,255,255) is 255.
    std::vector<std::uint8_t> bmp = {'B', 'M', 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,  // file header
                                     40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0,
                                     4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // info header
                                     255, 255, 255, 0};                                          // pixel + row pad
    auto img = decodeImage(bmp);
    ASSERT_TRUE(img.has_value()) << img.error().message;
    EXPECT_EQ(img->width, 1);
    EXPECT_EQ(img->height, 1);
    EXPECT_EQ(img->pixels, (std::vector<std::uint8_t>{255}));
}

TEST(ImageViewTest, JpegRoundTripIsCloseAndHonoursTheStride) {
    // A smooth ramp inside rows of 70 bytes (6 padding bytes): baseline JPEG keeps it within a few
    // grey levels, and the padding never shows up.
    std::vector<std::uint8_t> buf(70 * 48, 0);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x) buf[static_cast<std::size_t>(y * 70 + x)] = static_cast<std::uint8_t>(x * 3 + y);
    auto jpeg = encodeJpeg(ImageView{buf.data(), 64, 48, 70}, 90);
    ASSERT_TRUE(jpeg.has_value()) << jpeg.error().message;
    ASSERT_GE(jpeg->size(), 4u);
    EXPECT_EQ((*jpeg)[0], 0xFF);  // SOI marker
    EXPECT_EQ((*jpeg)[1], 0xD8);
    auto back = decodeImage(*jpeg);
    ASSERT_TRUE(back.has_value()) << back.error().message;
    ASSERT_EQ(back->width, 64);
    ASSERT_EQ(back->height, 48);
    int worst = 0;
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x)
            worst = std::max(worst, std::abs(back->pixels[static_cast<std::size_t>(y * 64 + x)] - buf[static_cast<std::size_t>(y * 70 + x)]));
    EXPECT_LE(worst, 6);
    // Quality is clamped rather than refused; an empty view is refused.
    EXPECT_TRUE(encodeJpeg(ImageView{buf.data(), 64, 48, 70}, 500).has_value());
    auto empty = encodeJpeg(ImageView{}, 90);
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().kind, ErrorKind::InvalidInput);
}

}  // namespace
