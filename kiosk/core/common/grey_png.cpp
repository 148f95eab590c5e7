#include "kiosk/core/common/grey_png.hpp"

#include <cstring>

// stb_image_write and stb_image are implemented here, once for the whole program; no stdio so the
// core does no file I/O.
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_NO_STDIO
// decodeImage (scan/image_view.hpp: scan-image, the image-file camera) promises PNG, JPEG, BMP and
// PGM/PPM; STBI_ONLY_PNG alone made every JPEG photo "unknown image type".
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ONLY_PNM
#define STB_IMAGE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace kiosk::core {

namespace {
/// stb_image_write's output callback: appends each chunk to the std::vector in `context`.
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}
}  // namespace

std::vector<std::uint8_t> encodeGreyPng(const std::uint8_t* pixels, int width, int height, int stride) {
    std::vector<std::uint8_t> png;
    if (stbi_write_png_to_func(appendBytes, &png, width, height, 1, pixels, stride) == 0) png.clear();
    return png;
}

std::expected<GreyPixels, std::string> decodeGreyPng(std::span<const std::uint8_t> png) {
    int w = 0;
    int h = 0;
    int channels = 0;
    // Ask stb for one channel: it converts colour to luminance itself.
    unsigned char* px = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &channels, 1);
    if (px == nullptr) {
        const char* why = stbi_failure_reason();
        return std::unexpected(std::string{why ? why : "unknown"});
    }
    GreyPixels out;
    out.width = w;
    out.height = h;
    out.pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    std::memcpy(out.pixels.data(), px, out.pixels.size());
    stbi_image_free(px);
    return out;
}

}  // namespace kiosk::core
