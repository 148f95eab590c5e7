#pragma once
// 8-bit grey PNG encoding and decoding, shared by the scan module (camera images, diagnostics) and the
// slip module (rasters). stb encodes and decodes PNG (and decodes BMP and PGM/PPM); libjpeg-turbo
// decodes JPEG. The stb implementation lives in grey_png.cpp, once for the whole program, built
// without stdio: the core does no file I/O.
//
// The helpers return stb's result only; each caller words its own errors (ErrorKind, message).

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <vector>

namespace kiosk::core {

/// Encodes 8-bit grey pixels as a PNG.
/// @param pixels the first row; rows are `stride` bytes apart
/// @param width, height the size in pixels (both > 0; the caller checks)
/// @param stride bytes from one row to the next (>= width)
/// @return the PNG bytes, or an empty vector when stb fails
std::vector<std::uint8_t> encodeGreyPng(const std::uint8_t* pixels, int width, int height, int stride);

/// Tightly packed 8-bit grey pixels decoded from a PNG.
struct GreyPixels {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  ///< width * height bytes, row-major
};

/// How big an image may be decoded. A 119-byte PGM or an 875 KB PNG can claim 30000x30000 pixels:
/// the size is read from the header and checked before any pixel is decoded (decompression bombs).
struct ImageLimits {
    std::int64_t maxPixels = 24'000'000;         ///< width * height; config key camera.max_image_pixels
    std::int64_t maxFileBytes = std::int64_t{64} * 1024 * 1024;  ///< image files only; config key camera.max_image_bytes
};

/// Decodes a PNG, JPEG, BMP or PGM/PPM to one grey channel (stb and libjpeg-turbo convert colour
/// with their luminance weights). The header's width and height are checked against
/// @p limits first; a PNM header is checked by this function before stb reads it (stb's own number
/// reading overflows on a 10-digit width).
/// @param png    the encoded bytes; at most INT_MAX of them (the caller checks)
/// @param limits the largest image accepted
/// @return the pixels, or the reason (the decoder's, or "... over the limit of N pixels")
std::expected<GreyPixels, std::string> decodeGreyPng(std::span<const std::uint8_t> png, const ImageLimits& limits = {});

}  // namespace kiosk::core
