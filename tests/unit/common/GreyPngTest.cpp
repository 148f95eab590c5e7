// decodeGreyPng: the one decode entry point for PNG, JPEG, BMP and PGM/PPM bytes. Regression tests
// for issue 15: a 119-byte PGM or a small PNG whose header claimed 30000x30000 was decoded (2.6 GB,
// 70 s); a PGM with a 10-digit width overflowed stb's int and reached a null memcpy.
#include "kiosk/core/common/grey_png.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace kiosk::core;

namespace {

std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }

void putBigEndian(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

/// A PNG signature and an IHDR chunk claiming w x h grey pixels; no image data (the header is all a
/// size check may need). stb checks the CRC only when asked to, so it is left zero.
std::vector<std::uint8_t> pngHeader(std::uint32_t w, std::uint32_t h) {
    std::vector<std::uint8_t> out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    putBigEndian(out, 13);
    for (char c : std::string{"IHDR"}) out.push_back(static_cast<std::uint8_t>(c));
    putBigEndian(out, w);
    putBigEndian(out, h);
    for (std::uint8_t b : {8, 0, 0, 0, 0}) out.push_back(b);  // 8-bit grey, no interlace
    putBigEndian(out, 0);
    return out;
}

}  // namespace

TEST(GreyPngTest, RoundTripsASmallImage) {
    std::array<std::uint8_t, 6 * 4> pixels{};
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<std::uint8_t>(i * 10);
    const auto png = encodeGreyPng(pixels.data(), 6, 4, 6);
    ASSERT_FALSE(png.empty());
    const auto grey = decodeGreyPng(png);
    ASSERT_TRUE(grey) << grey.error();
    EXPECT_EQ(grey->width, 6);
    EXPECT_EQ(grey->height, 4);
    EXPECT_EQ(grey->pixels, std::vector<std::uint8_t>(pixels.begin(), pixels.end()));
}

TEST(GreyPngTest, PgmClaimingHugeSizeIsRefusedFromItsHeader) {
    std::string pgm = "P5\n30000 30000\n255\n";
    pgm += std::string(100, '\x7f');
    const auto grey = decodeGreyPng(bytes(pgm));
    ASSERT_FALSE(grey);
    EXPECT_NE(grey.error().find("30000x30000"), std::string::npos) << grey.error();
    EXPECT_NE(grey.error().find("over the limit of 24000000 pixels"), std::string::npos) << grey.error();
}

TEST(GreyPngTest, PngClaimingHugeSizeIsRefusedFromItsHeader) {
    const auto grey = decodeGreyPng(pngHeader(30000, 30000));
    ASSERT_FALSE(grey);
    EXPECT_NE(grey.error().find("over the limit"), std::string::npos) << grey.error();
}

TEST(GreyPngTest, TheLimitIsTheCallers) {
    std::string pgm = "P5 100 100 255\n" + std::string(100 * 100, '\x40');
    EXPECT_TRUE(decodeGreyPng(bytes(pgm), {.maxPixels = 10'000}));
    const auto refused = decodeGreyPng(bytes(pgm), {.maxPixels = 9'999});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().find("100x100"), std::string::npos);
}

TEST(GreyPngTest, PgmWithOverflowingWidthIsRefused) {
    // 4294967295 wrapped to -1 in stb's int: a negative width and a null memcpy.
    for (const char* header : {"P5 4294967295 1 255\n", "P5 1 99999999999 255\n", "P6 2147483648 2 255\n"}) {
        const auto grey = decodeGreyPng(bytes(std::string{header} + "xxxx"));
        ASSERT_FALSE(grey) << header;
        EXPECT_NE(grey.error().find("PNM header number too long"), std::string::npos) << grey.error();
    }
}

TEST(GreyPngTest, ZeroSizedImageIsRefused) {
    for (const char* pgm : {"P5 0 5 255\n", "P5 5 0 255\n", "P5 x y 255\n"}) {
        const auto grey = decodeGreyPng(bytes(pgm));
        EXPECT_FALSE(grey) << pgm;
    }
    EXPECT_FALSE(decodeGreyPng({}));
}

namespace {
std::vector<std::uint8_t> readData(const std::string& relative) {
    std::ifstream in(std::string{KIOSK_TEST_DATA_DIR} + "/" + relative, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

// Found by the image fuzzer (tests/fuzz/fuzz_image.cpp): a DHT segment whose 16 code counts add up to
// more than 256 made stb 2.27 write past its Huffman table (UBSan: index 257 out of bounds).
TEST(GreyPngTest, JpegWithOversizedHuffmanTableIsRefused) {
    for (const char* file : {"images/jpeg-huffman-overflow.jpg", "images/jpeg-huffman-overflow-fill.jpg"}) {
        const auto bad = readData(file);
        ASSERT_FALSE(bad.empty()) << file;
        const auto grey = decodeGreyPng(bad);
        ASSERT_FALSE(grey) << file;
        EXPECT_EQ(grey.error(), "bad JPEG Huffman table") << file;
    }
    const auto good = decodeGreyPng(readData("../fuzz/seeds/image/grey.jpg"));
    ASSERT_TRUE(good) << good.error();
    EXPECT_EQ(good->width, 16);
    EXPECT_EQ(good->height, 12);
}

// Found by the image fuzzer: a 16-bit PPM (maximum value over 255) made stb 2.27 read past its buffer.
TEST(GreyPngTest, SixteenBitPnmIsRefused) {
    const auto grey = decodeGreyPng(readData("images/pnm-16bit-overflow.ppm"));
    ASSERT_FALSE(grey);
    EXPECT_EQ(grey.error(), "16-bit PGM/PPM is not supported");
    EXPECT_FALSE(decodeGreyPng(bytes("P5 2 2 65535\n" + std::string(8, '\x10'))));
    EXPECT_TRUE(decodeGreyPng(bytes("P5 2 2 255\n" + std::string(4, '\x10'))));
}

// Found by the image fuzzer: a 283-byte PNG whose IDAT chunk claims 1.4 GB made stb allocate 2 GB
// before reading it.
TEST(GreyPngTest, PngChunkLongerThanTheFileIsRefused) {
    const auto grey = decodeGreyPng(readData("images/png-chunk-length-bomb.png"));
    ASSERT_FALSE(grey);
    EXPECT_EQ(grey.error(), "PNG chunk runs past the end of the file");
    EXPECT_TRUE(decodeGreyPng(readData("../fuzz/seeds/image/rgb.png")));
}

TEST(GreyPngTest, JpegHuffmanCheckStaysLinear) {
    std::string jpeg = "\xFF\xD8";
    for (int i = 0; i < 300; ++i) jpeg += std::string("\xFF\xC4\x00\x02", 4);  // empty DHT segments
    const auto grey = decodeGreyPng(bytes(jpeg));
    ASSERT_FALSE(grey);
    EXPECT_EQ(grey.error(), "too many JPEG Huffman table markers");
}

// Found by the image fuzzer: a progressive JPEG whose AC scan uses a Huffman table no DHT defined made
// stb 2.27 read outside the table (UBSan: index -38 out of bounds).
TEST(GreyPngTest, JpegScanWithUndefinedHuffmanTableIsRefused) {
    const auto grey = decodeGreyPng(readData("images/jpeg-huffman-decode-oob.jpg"));
    ASSERT_FALSE(grey);
    EXPECT_EQ(grey.error(), "JPEG scan uses an undefined Huffman table");
    for (const char* file : {"../fuzz/seeds/image/grey.jpg", "../fuzz/seeds/image/progressive.jpg"}) {
        EXPECT_TRUE(decodeGreyPng(readData(file))) << file << ": real baseline and progressive JPEGs still decode";
    }
}
