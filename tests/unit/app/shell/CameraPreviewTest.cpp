// The preview's change detection: a noisy but still scene is no change (no redraw), someone stepping up is.
#include "kiosk/app/shell/camera_preview.hpp"

#include <gtest/gtest.h>

#include <random>

namespace app = kiosk::app;
namespace core = kiosk::core;

namespace {

core::LumaImage scene(unsigned seed, double noiseSigma, bool person) {
    core::LumaImage img;
    img.resize(320, 240);
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, noiseSigma);
    for (int y = 0; y < img.height; ++y) {
        for (int x = 0; x < img.width; ++x) {
            double v = 90.0 + 60.0 * x / img.width;  // a lighting gradient across the lobby
            if (person && x > 100 && x < 220 && y > 40) v = 40.0;  // a dark coat in front of the camera
            img.pixels[static_cast<std::size_t>(y * img.width + x)] =
                static_cast<std::uint8_t>(std::clamp(v + noise(rng), 0.0, 255.0));
        }
    }
    return img;
}

}  // namespace

TEST(CameraPreviewTest, SensorNoiseIsNoChange) {
    // Webcam noise in a dim lobby (sigma about 11.5): every frame differs pixel by pixel, not block by block.
    const auto a = app::CameraPreview::fingerprint(scene(1, 11.5, false));
    for (unsigned seed = 2; seed < 12; ++seed) {
        EXPECT_FALSE(app::CameraPreview::differs(a, app::CameraPreview::fingerprint(scene(seed, 11.5, false)))) << seed;
    }
}

TEST(CameraPreviewTest, SomeoneSteppingUpIsAChange) {
    const auto empty = app::CameraPreview::fingerprint(scene(1, 11.5, false));
    const auto person = app::CameraPreview::fingerprint(scene(2, 11.5, true));
    EXPECT_TRUE(app::CameraPreview::differs(empty, person));
}
