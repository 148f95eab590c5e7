#pragma once
// V4L2 camera backend (libv4l2).
//
// [x] MJPEG-only and YUYV cameras: libv4l2/libv4lconvert converts to GREY or YUV420 and the Y plane
//     is handed on (one copy, into the frame mailbox)
// [x] device, resolution and frame rate from options (the driver may pick the nearest size)
// [x] unplug/replug: the capture thread notices ENODEV/EIO, closes, and reopens with backoff
// [x] a missing camera is a status with a reason, not an error: the kiosk works without it
// [ ] controls (focus, exposure) are left to the camera's automatic modes

#include <memory>
#include <string>

#include "platform/camera.hpp"

namespace platform {

struct V4l2CameraOptions {
    std::string device = "/dev/video0";
    int width = 1280;
    int height = 720;
    int fps = 15;
};

/// @return a V4L2 source (not started). Built without libv4l2, its status says so.
std::unique_ptr<FrameSource> makeV4l2Camera(V4l2CameraOptions options);

}  // namespace platform
