// libFuzzer target: decoding an image file's bytes (PNG, JPEG, BMP, PGM/PPM) to luminance, the entry
// point of `kiosk scan-image`, the image-file camera and slip rasters. Header sizes are checked against
// the limits before decoding, so no input may allocate more than the limit allows: the limit here is
// small (512x512 pixels) to make a decompression bomb show up as a property failure or an RSS overrun,
// and to keep the rate up: a small file that claims the largest size allowed is decoded whole, and at
// 1 megapixel those inputs took the rate from 17,000 to 2,000 executions a second. The decoders' paths
// do not depend on the size beyond that.
#include <cstdint>
#include <span>

#include "kiosk/core/scan/image_view.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr ImageLimits kLimits{.maxPixels = 512 * 512};
    const auto image = decodeImage(std::span<const std::uint8_t>(data, size), kLimits);
    if (image) {
        KIOSK_FUZZ_CHECK(image->width > 0 && image->height > 0);
        KIOSK_FUZZ_CHECK(static_cast<std::int64_t>(image->width) * image->height <= kLimits.maxPixels);
        KIOSK_FUZZ_CHECK(image->pixels.size() == static_cast<std::size_t>(image->width) * image->height);
        KIOSK_FUZZ_CHECK(image->view().valid());
    } else {
        // A reason after the prefix: stb once failed with an empty one ("not a readable image: ").
        KIOSK_FUZZ_CHECK(!image.error().message.empty() && !image.error().message.ends_with(": "));
    }
    return 0;
}
