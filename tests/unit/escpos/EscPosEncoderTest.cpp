#include "kiosk/core/escpos/escpos_encoder.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

using namespace kiosk::core;
using namespace kiosk::core::escpos;

TEST(EscPosEncoderTest, RasterGoesOutInBandsWithCorrectHeaders) {
    auto img = slip::Raster::blank(384, 300);
    img.set(0, 0);
    img.set(383, 299);
    EscPosEncoder enc;
    enc.raster(img, 128);
    const auto& b = enc.bytes();
    // Bands of 128, 128 and 44 rows, 48 bytes wide.
    ASSERT_EQ(b.size(), 3u * 8u + 48u * 300u);
    const std::vector<std::uint8_t> header1{0x1D, 'v', '0', 0, 48, 0, 128, 0};
    EXPECT_TRUE(std::equal(header1.begin(), header1.end(), b.begin()));
    EXPECT_EQ(b[8], 0x80);  // dot (0,0) is the first data bit
    const std::size_t third = 2 * (8 + 48 * 128);
    const std::vector<std::uint8_t> header3{0x1D, 'v', '0', 0, 48, 0, 44, 0};
    EXPECT_TRUE(std::equal(header3.begin(), header3.end(), b.begin() + static_cast<std::ptrdiff_t>(third)));
    EXPECT_EQ(b.back(), 0x01);  // dot (383,299) is the last data bit
}

TEST(EscPosEncoderTest, BandRowsAreClampedTo24To255) {
    auto img = slip::Raster::blank(8, 600);
    EscPosEncoder small;
    small.raster(img, 1);
    EXPECT_EQ(small.bytes()[6], 24);
    EscPosEncoder big;
    big.raster(img, 1000);
    EXPECT_EQ(big.bytes()[6], 255);
}

TEST(EscPosEncoderTest, JobHasInitFeedCutAndOptionalExtras) {
    auto img = slip::Raster::blank(16, 2);
    const auto job = encodeJob(img, {.feedDotsBeforeCut = 300, .cut = CutMode::Full, .beep = true, .drawerKick = true});
    const std::vector<std::uint8_t> init{0x1B, '@'};
    EXPECT_TRUE(std::equal(init.begin(), init.end(), job.begin()));
    const std::vector<std::uint8_t> tail{0x1B, 'J', 255, 0x1B, 'J', 45, 0x1D, 'V', 0, 0x1B, 'p', 0, 25, 250};
    EXPECT_TRUE(std::equal(tail.rbegin(), tail.rend(), job.rbegin()));
    const std::vector<std::uint8_t> beep{0x1B, 'B', 1, 2};
    EXPECT_TRUE(std::equal(beep.begin(), beep.end(), job.begin() + 2));
}

TEST(EscPosEncoderTest, NativeQrStoresThenPrints) {
    EscPosEncoder enc;
    ASSERT_TRUE(enc.nativeQr("ABC", 6));
    const auto& b = enc.bytes();
    const std::vector<std::uint8_t> store{0x1D, '(', 'k', 6, 0, 49, 80, 48, 'A', 'B', 'C'};
    EXPECT_NE(std::search(b.begin(), b.end(), store.begin(), store.end()), b.end());
    const std::vector<std::uint8_t> print{0x1D, '(', 'k', 3, 0, 49, 81, 48};
    EXPECT_TRUE(std::equal(print.rbegin(), print.rend(), b.rbegin()));
    EXPECT_FALSE(enc.nativeQr("", 6));
    EXPECT_FALSE(enc.nativeQr(std::string(8000, 'x'), 6));
}

// Byte-exact golden of a whole job (no fonts involved, so no tolerance): a 64x60 checker pattern,
// bands of 24 rows, beep, feed, partial cut, drawer kick. KIOSK_UPDATE_GOLDEN=1 rewrites it.
TEST(EscPosEncoderTest, JobMatchesGoldenBytes) {
    auto img = slip::Raster::blank(64, 60);
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 64; ++x)
            if (((x / 8) + (y / 6)) % 2 == 0) img.set(x, y);
    const auto job = encodeJob(img, {.bandRows = 24, .feedDotsBeforeCut = 40, .cut = CutMode::Partial, .beep = true,
                                     .drawerKick = true});
    const std::string path = std::string{KIOSK_TEST_DATA_DIR} + "/slips/encoder-checker.bin";
    if (std::getenv("KIOSK_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(job.data()),
                                                    static_cast<std::streamsize>(job.size()));
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "missing " << path;
    const std::vector<std::uint8_t> golden{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(job, golden);
}
