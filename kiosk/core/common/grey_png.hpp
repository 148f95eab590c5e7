#pragma once
// 8-bit grey PNG encoding and decoding through stb, shared by the scan module (camera images,
// diagnostics) and the slip module (rasters). The stb implementation lives in grey_png.cpp, once
// for the whole program, built with PNG support only and no stdio: the core does no file I/O.
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

/// Decodes a PNG (or a JPEG, BMP or PGM/PPM: stb is built with those too) to one grey channel (stb
/// converts colour with its luminance weights).
/// @param png the encoded bytes; at most INT_MAX of them (the caller checks)
/// @return the pixels, or stb's failure reason
std::expected<GreyPixels, std::string> decodeGreyPng(std::span<const std::uint8_t> png);

}  // namespace kiosk::core
