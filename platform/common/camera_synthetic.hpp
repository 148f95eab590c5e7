#pragma once
// Synthetic frame source: a receipt QR rendered with ZXing's writer into noisy gray frames, for
// benchmarks and demos without a camera.
//
// [x] any resolution and frame rate; the code can be left out (the "no code" benchmark)
// [x] cheap per frame: a handful of noisy variants are rendered at start and cycled, so the source
//     itself barely shows in CPU measurements of the scanning path
// [x] the code can jitter a few pixels between frames, like a hand-held receipt

#include <memory>
#include <string>

#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/scan/image_view.hpp"
#include "platform/camera.hpp"

namespace platform {

struct SyntheticCameraOptions {
    int width = 1280;
    int height = 720;
    double fps = 15;
    std::string text = "000.00.06.H56-231027-0361";  ///< what the QR holds; empty: frames without a code
    int modulePixels = 5;
    /// Gaussian sensor noise. 3 is what a webcam's Y plane shows in office light after its own
    /// denoising and MJPEG; 6 is a dim lobby. Noise is what makes ZXing's binarizer slow (see
    /// docs/performance.md#scanning), so benchmarks report both.
    double noiseSigma = 3;
    int variants = 8;  ///< distinct noisy frames cycled
    unsigned seed = 1;
};

std::unique_ptr<FrameSource> makeSyntheticCamera(SyntheticCameraOptions options);

/// The options [camera] gives for source "synthetic" (width, height, fps).
SyntheticCameraOptions syntheticCameraOptions(const kiosk::core::CameraSettings& settings);

/// Renders one synthetic frame (variant `index`) without a thread: benchmarks and tests use it.
kiosk::core::LumaImage renderSyntheticFrame(const SyntheticCameraOptions& options, int index);

}  // namespace platform
