#include "kiosk/core/scan/image_view.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

// Declarations only: stb_image_write's implementation is compiled once, in common/grey_png.cpp.
#include <stb/stb_image_write.h>

#include "kiosk/core/common/file_reader.hpp"
#include "kiosk/core/common/grey_png.hpp"

namespace kiosk::core {

LumaImage copyImage(ImageView view) {
    LumaImage out;
    if (!view.valid()) return out;
    out.resize(view.width, view.height);
    for (int y = 0; y < view.height; ++y) {
        std::memcpy(out.pixels.data() + static_cast<std::ptrdiff_t>(y) * view.width, view.row(y),
                    static_cast<std::size_t>(view.width));
    }
    return out;
}

Result<LumaImage> decodeImage(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    if (bytes.empty()) return fail(ErrorKind::InvalidInput, "empty image file");
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return fail(ErrorKind::InvalidInput, "image file too large");
    }
    auto grey = decodeGreyPng(bytes, limits);
    if (!grey) return fail(ErrorKind::InvalidInput, "not a readable image: " + grey.error());
    LumaImage out;
    out.width = grey->width;
    out.height = grey->height;
    out.pixels = std::move(grey->pixels);
    return out;
}

Result<LumaImage> readImageFile(const std::string& path, const ImageLimits& limits) {
    auto bytes = readRegularFile(path, {.maxBytes = static_cast<std::size_t>(std::max<std::int64_t>(0, limits.maxFileBytes))});
    if (!bytes) return std::unexpected(bytes.error());
    return decodeImage(std::span(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size()), limits);
}

Result<std::vector<std::uint8_t>> encodePng(ImageView view) {
    if (!view.valid()) return fail(ErrorKind::InvalidInput, "empty image");
    auto png = encodeGreyPng(view.data, view.width, view.height, view.stride);
    if (png.empty()) return fail(ErrorKind::Internal, "PNG encoding failed");
    return png;
}

Result<std::vector<std::uint8_t>> encodeJpeg(ImageView view, int quality) {
    if (!view.valid()) return fail(ErrorKind::InvalidInput, "empty image");
    // stb's JPEG writer takes tightly packed rows.
    const LumaImage packed = view.stride == view.width ? LumaImage{} : copyImage(view);
    const std::uint8_t* pixels = packed.pixels.empty() ? view.data : packed.pixels.data();
    std::vector<std::uint8_t> jpeg;
    auto append = [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<std::uint8_t>*>(context);
        const auto* p = static_cast<const std::uint8_t*>(data);
        out->insert(out->end(), p, p + size);
    };
    if (stbi_write_jpg_to_func(append, &jpeg, view.width, view.height, 1, pixels, std::clamp(quality, 1, 100)) == 0 || jpeg.empty()) {
        return fail(ErrorKind::Internal, "JPEG encoding failed");
    }
    return jpeg;
}

}  // namespace kiosk::core
