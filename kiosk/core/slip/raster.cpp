#include "kiosk/core/slip/raster.hpp"

#include <algorithm>
#include <bit>

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

namespace kiosk::core::slip {

Raster Raster::blank(int width, int height) {
    Raster r;
    r.width = std::max(width, 0);
    r.height = std::max(height, 0);
    r.bits.assign(static_cast<std::size_t>(r.rowBytes()) * static_cast<std::size_t>(r.height), 0);
    return r;
}

bool Raster::get(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) {
        return false;
    }
    const auto byte = bits[static_cast<std::size_t>(y) * static_cast<std::size_t>(rowBytes()) +
                           static_cast<std::size_t>(x / 8)];
    return (byte & (0x80 >> (x % 8))) != 0;
}

void Raster::set(int x, int y, bool black) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
        return;
    }
    auto& byte = bits[static_cast<std::size_t>(y) * static_cast<std::size_t>(rowBytes()) +
                      static_cast<std::size_t>(x / 8)];
    const auto mask = static_cast<std::uint8_t>(0x80 >> (x % 8));
    byte = black ? static_cast<std::uint8_t>(byte | mask) : static_cast<std::uint8_t>(byte & ~mask);
}

void Raster::resizeHeight(int newHeight) {
    height = std::max(newHeight, 0);
    bits.resize(static_cast<std::size_t>(rowBytes()) * static_cast<std::size_t>(height), 0);
}

void Raster::blit(const Raster& src, int x, int y) {
    for (int sy = 0; sy < src.height; ++sy) {
        for (int sx = 0; sx < src.width; ++sx) {
            if (src.get(sx, sy)) {
                set(x + sx, y + sy);
            }
        }
    }
}

Raster Raster::rows(int top, int bottom) const {
    top = std::clamp(top, 0, height);
    bottom = std::clamp(bottom, top, height);
    Raster r = Raster::blank(width, bottom - top);
    std::copy_n(bits.begin() + static_cast<std::ptrdiff_t>(top) * rowBytes(),
                static_cast<std::ptrdiff_t>(bottom - top) * rowBytes(), r.bits.begin());
    return r;
}

std::int64_t Raster::inkCount() const {
    std::int64_t n = 0;
    for (auto b : bits) {
        n += std::popcount(b);
    }
    return n;
}

std::vector<std::uint8_t> Raster::toGrey() const {
    std::vector<std::uint8_t> grey(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 255);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (get(x, y)) {
                grey[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = 0;
            }
        }
    }
    return grey;
}

namespace {
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}
}  // namespace

Result<std::vector<std::uint8_t>> encodePng(const Raster& raster) {
    if (raster.width <= 0 || raster.height <= 0) {
        return fail(ErrorKind::InvalidInput, "cannot write an empty image as PNG");
    }
    const auto grey = raster.toGrey();
    std::vector<std::uint8_t> png;
    if (stbi_write_png_to_func(appendBytes, &png, raster.width, raster.height, 1, grey.data(), raster.width) == 0) {
        return fail(ErrorKind::Internal, "PNG encoder failed");
    }
    return png;
}

Result<Raster> decodePng(std::span<const std::uint8_t> png) {
    int w = 0;
    int h = 0;
    int comp = 0;
    if (png.size() > static_cast<std::size_t>(INT32_MAX)) {
        return fail(ErrorKind::InvalidInput, "PNG too large");
    }
    unsigned char* pixels = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &comp, 1);
    if (pixels == nullptr) {
        return fail(ErrorKind::Parse, std::string{"not a readable PNG: "} + stbi_failure_reason());
    }
    Raster r = Raster::blank(w, h);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] < 128) {
                r.set(x, y);
            }
        }
    }
    stbi_image_free(pixels);
    return r;
}

}  // namespace kiosk::core::slip
