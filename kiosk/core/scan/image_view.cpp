#include "kiosk/core/scan/image_view.hpp"

#include <cstring>
#include <limits>

#include <stb_image.h>
#include <stb_image_write.h>

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

Result<LumaImage> decodeImage(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return fail(ErrorKind::InvalidInput, "empty image file");
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return fail(ErrorKind::InvalidInput, "image file too large");
    }
    int w = 0;
    int h = 0;
    int channels = 0;
    // Ask stb for one channel: it converts colour to luminance itself.
    unsigned char* px = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 1);
    if (px == nullptr) {
        const char* why = stbi_failure_reason();
        return fail(ErrorKind::InvalidInput, std::string{"not a readable image: "} + (why ? why : "unknown"));
    }
    LumaImage out;
    out.resize(w, h);
    std::memcpy(out.pixels.data(), px, out.pixels.size());
    stbi_image_free(px);
    return out;
}

namespace {
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}
}  // namespace

Result<std::vector<std::uint8_t>> encodePng(ImageView view) {
    if (!view.valid()) return fail(ErrorKind::InvalidInput, "empty image");
    std::vector<std::uint8_t> out;
    if (stbi_write_png_to_func(appendBytes, &out, view.width, view.height, 1, view.data, view.stride) == 0) {
        return fail(ErrorKind::Internal, "PNG encoding failed");
    }
    return out;
}

}  // namespace kiosk::core
