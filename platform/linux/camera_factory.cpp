// openCamera for platform_linux: V4L2 cameras, image files and synthetic frames.
#include "platform/camera.hpp"
#include "platform/common/camera_files.hpp"
#include "platform/common/camera_synthetic.hpp"
#include "platform/linux/camera_v4l2.hpp"

namespace platform {

std::unique_ptr<FrameSource> openCamera(const kiosk::core::CameraSettings& cam) {
    using kiosk::core::CameraSource;
    switch (cam.source) {
        case CameraSource::None: return nullptr;
        case CameraSource::V4l2: return makeV4l2Camera(V4l2CameraOptions{cam.device, cam.width, cam.height, cam.fps});
        case CameraSource::Files: return makeFileCamera(fileCameraOptions(cam));
        case CameraSource::Synthetic: return makeSyntheticCamera(syntheticCameraOptions(cam));
    }
    return nullptr;
}

}  // namespace platform
