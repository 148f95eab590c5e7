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

// Found by the image fuzzer (tests/fuzz/fuzz_image.cpp) in stb 2.27's JPEG decoder, which decoded
// JPEG until libjpeg-turbo took over: a DHT segment whose 16 code counts add up to more than 256 (stb
// wrote past its Huffman table), the same after FF fill bytes, a progressive scan using a Huffman table
// no DHT defined (stb read outside it), and an entropy stream that drove stb's bit count negative (a
// shift by 33). libjpeg-turbo refuses the first, decodes the progressive one with a warning, and has
// no undefined behaviour on any (under the asan preset UBSan would abort the test). FF fill bytes
// before the SOI are not a JPEG for libjpeg-turbo.
TEST(GreyPngTest, JpegsThatBrokeStbAreDecodedSafely) {
    const auto overflow = decodeGreyPng(readData("images/jpeg-huffman-overflow.jpg"));
    ASSERT_FALSE(overflow);
    EXPECT_EQ(overflow.error(), "bad JPEG: Bogus Huffman table definition");
    const auto fill = decodeGreyPng(readData("images/jpeg-huffman-overflow-fill.jpg"));
    ASSERT_FALSE(fill);
    EXPECT_EQ(fill.error(), "Image not of any known type, or corrupt");
    const auto undefinedTable = decodeGreyPng(readData("images/jpeg-huffman-decode-oob.jpg"));
    ASSERT_TRUE(undefinedTable) << undefinedTable.error();
    EXPECT_EQ(undefinedTable->pixels.size(), 16U * 12U);
    const auto negativeBits = readData("images/known-stb-jpeg-negative-code-bits.jpg");
    ASSERT_FALSE(negativeBits.empty());
    const auto decoded = decodeGreyPng(negativeBits);
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error(), "bad JPEG: Invalid component ID 2 in SOS");
    for (const char* file : {"../fuzz/seeds/image/grey.jpg", "../fuzz/seeds/image/progressive.jpg"}) {
        const auto good = decodeGreyPng(readData(file));
        ASSERT_TRUE(good) << file << ": " << good.error();
        EXPECT_EQ(good->width, 16) << file;
        EXPECT_EQ(good->height, 12) << file;
        EXPECT_EQ(good->pixels.size(), 16U * 12U) << file;
    }
}

// The JPEG header's size is checked against the limit before any pixel is decoded.
TEST(GreyPngTest, JpegOverThePixelLimitIsRefusedFromItsHeader) {
    const auto grey = decodeGreyPng(readData("../fuzz/seeds/image/grey.jpg"), ImageLimits{.maxPixels = 100});
    ASSERT_FALSE(grey);
    EXPECT_EQ(grey.error(), "image is 16x12 pixels, over the limit of 100 pixels");
}

// A camera frame cut short still decodes (libjpeg-turbo fills the rest and warns): what arrived may
// still hold the code. A JPEG cut inside its header does not.
TEST(GreyPngTest, TruncatedJpegDecodesWhatArrived) {
    auto jpeg = readData("../fuzz/seeds/image/grey.jpg");
    ASSERT_GT(jpeg.size(), 40U);
    const auto whole = decodeGreyPng(jpeg);
    ASSERT_TRUE(whole) << whole.error();
    jpeg.resize(jpeg.size() - 20);
    const auto cut = decodeGreyPng(jpeg);
    ASSERT_TRUE(cut) << cut.error();
    EXPECT_EQ(cut->width, whole->width);
    jpeg.resize(12);
    const auto header = decodeGreyPng(jpeg);
    ASSERT_FALSE(header);
    EXPECT_EQ(header.error(), "the image header gives no usable size");
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

TEST(GreyPngTest, JpegOfOnlyEmptyHuffmanTablesIsRefused) {
    std::string jpeg = "\xFF\xD8";
    for (int i = 0; i < 300; ++i) jpeg += std::string("\xFF\xC4\x00\x02", 4);  // empty DHT segments
    const auto grey = decodeGreyPng(bytes(jpeg));
    ASSERT_FALSE(grey);
    EXPECT_EQ(grey.error(), "the image header gives no usable size");
}

// Found by the image fuzzer: a PNG with a zero-length IDAT chunk (legal) and then a chunk whose type
// is four NUL bytes. stb 2.27 calls memcpy(NULL, p, 0) for the empty chunk, which UBSan's nonnull check
// would stop; that check is off for grey_png.cpp (kiosk/core/common/CMakeLists.txt), but the option was
// set in the wrong CMake directory and never reached the compiler, so under the asan preset this test
// aborted until it did. stb's short reason for the unknown chunk is the chunk's own bytes written into
// a static buffer: empty here, "I: " for the second file (a type of 'I', ':', ' ', NUL), file bytes in
// a log line. The kiosk uses stb's fixed user messages instead.
TEST(GreyPngTest, UnknownPngChunksAreRefusedWithAFixedReason) {
    for (const char* file : {"images/png-empty-idat.png", "images/png-chunk-type-in-reason.png"}) {
        const auto png = readData(file);
        ASSERT_FALSE(png.empty()) << file;
        const auto grey = decodeGreyPng(png);
        ASSERT_FALSE(grey) << file;
        EXPECT_EQ(grey.error(), "PNG not supported: unknown PNG chunk type") << file;
    }
}
