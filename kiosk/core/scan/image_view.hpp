#pragma once
// Images handed from a frame source to the decoder: 8-bit luminance only, because that is what the
// decoder reads and what a camera's Y plane already is (no colour conversion on the hot path).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kiosk/core/common/grey_png.hpp"
#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// Non-owning view of an 8-bit luminance image (one byte per pixel, rows `stride` bytes apart).
/// Copying a view never copies pixels; the owner must outlive every view of its buffer.
struct ImageView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;  ///< bytes from one row to the next, >= width

    /// @return true when the view points at a usable image (non-null, positive size, stride >= width).
    [[nodiscard]] bool valid() const noexcept {
        return data != nullptr && width > 0 && height > 0 && stride >= width;
    }
    /// @return the first byte of row `y` (no bounds check; callers stay inside height).
    [[nodiscard]] const std::uint8_t* row(int y) const noexcept {
        return data + static_cast<std::ptrdiff_t>(y) * stride;
    }
};

/// An owned luminance image with tightly packed rows; view() hands it to the decoder.
struct LumaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  ///< width * height bytes, row-major

    [[nodiscard]] ImageView view() const noexcept { return {pixels.data(), width, height, width}; }
    /// Resizes the buffer, reusing its capacity (no allocation once it has held a frame this big).
    void resize(int w, int h) {
        width = w;
        height = h;
        pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    }
};

/// Copies a (possibly strided) view into a tightly packed image.
LumaImage copyImage(ImageView view);

/// Decodes an encoded image (PNG, JPEG, BMP, PGM/PPM, ...) held in memory to luminance with stb_image.
/// Pure: the caller reads the file. Colour images are converted with stb's luminance weights.
/// @param bytes  the encoded file contents
/// @param limits the largest image accepted, checked from the header before decoding
///               (camera.max_image_pixels)
/// @return the image, or InvalidInput with the reason when the bytes are not a supported image or
///         the image is larger than @p limits
Result<LumaImage> decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits = {});

/// Reads and decodes an image file: only a regular file no larger than limits.maxFileBytes is read (a
/// folder, FIFO or /dev/zero is refused before reading), then decodeImage with @p limits.
/// @param path   the image file
/// @param limits file size and pixel count caps (camera.max_image_bytes, camera.max_image_pixels)
/// @return the image, or an Error whose message says what is wrong (without the path: callers add it)
Result<LumaImage> readImageFile(const std::string& path, const ImageLimits& limits = {});

/// Encodes an 8-bit gray image as PNG (for the receipt generator and diagnostics).
/// @return the PNG bytes, or Internal when stb fails
Result<std::vector<std::uint8_t>> encodePng(ImageView view);

/// Encodes an 8-bit gray image as a baseline JPEG (the receipt generator's photo-like cases: real
/// camera and phone pictures are JPEG, and noisy images are several times smaller than as PNG).
/// @param quality 1..100 (clamped)
/// @return the JPEG bytes, or Internal when stb fails
Result<std::vector<std::uint8_t>> encodeJpeg(ImageView view, int quality);

}  // namespace kiosk::core
