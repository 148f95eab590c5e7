#include "kiosk/core/slip/raster.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "kiosk/core/common/grey_png.hpp"

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

Result<std::vector<std::uint8_t>> encodePng(const Raster& raster) {
    if (raster.width <= 0 || raster.height <= 0) {
        return fail(ErrorKind::InvalidInput, "cannot write an empty image as PNG");
    }
    const auto grey = raster.toGrey();
    auto png = encodeGreyPng(grey.data(), raster.width, raster.height, raster.width);
    if (png.empty()) return fail(ErrorKind::Internal, "PNG encoder failed");
    return png;
}

Result<Raster> decodePng(std::span<const std::uint8_t> png) {
    if (png.size() > static_cast<std::size_t>(INT32_MAX)) {
        return fail(ErrorKind::InvalidInput, "PNG too large");
    }
    const auto grey = decodeGreyPng(png);
    if (!grey) return fail(ErrorKind::Parse, "not a readable PNG: " + grey.error());
    Raster r = Raster::blank(grey->width, grey->height);
    std::size_t i = 0;  // grey->pixels is tightly packed, row-major
    for (int y = 0; y < grey->height; ++y) {
        for (int x = 0; x < grey->width; ++x) {
            if (grey->pixels[i++] < 128) {
                r.set(x, y);
            }
        }
    }
    return r;
}

}  // namespace kiosk::core::slip
