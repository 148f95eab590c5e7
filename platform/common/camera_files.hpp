#pragma once
// Image-file frame source: one image, a folder of images, or a list of both, played at a frame rate
// and looped. Each image is shown for `secondsPerImage` (repeated at `fps`, like a receipt held under
// the camera), then the next. Images are decoded to luminance with stb_image (PNG, JPEG, BMP, PGM...).
//
// [x] folders are read in name order; files that are not images are skipped with a reason in status()
// [x] a path that disappears is reported and skipped; the list is rescanned on each loop
// [x] a file removed while it is shown stops being shown within one frame (a receipt taken away)
// [ ] no video files

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/common/grey_png.hpp"
#include "platform/camera.hpp"

namespace platform {

struct FileCameraOptions {
    std::vector<std::string> paths;  ///< files and/or folders
    double fps = 15;
    double secondsPerImage = 3;
    bool loop = true;  ///< false: stop (status Stopped) after the last image
    kiosk::core::ImageLimits limits;  ///< camera.max_image_pixels / max_image_bytes: larger images are skipped
};

std::unique_ptr<FrameSource> makeFileCamera(FileCameraOptions options);

/// The options [camera] gives for source "files" (files_path, files_fps, files_seconds_per_image, files_loop).
FileCameraOptions fileCameraOptions(const kiosk::core::CameraSettings& settings);

}  // namespace platform
