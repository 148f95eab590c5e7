#pragma once
// Cameras and other frame sources. A source runs its own capture thread and publishes 8-bit
// luminance frames into a FrameMailbox; the decoder thread (kiosk/app/scan_service) takes the newest.
//
// Backends (one file each):
//   linux/camera_v4l2.cpp        V4L2 camera through libv4l2 (MJPEG-only and YUYV cameras alike),
//                                reconnects after unplugging with backoff
//   common/camera_files.cpp      an image file, a folder or a list, looping at a frame rate (demo, tests)
//   common/camera_synthetic.cpp  a receipt QR rendered into noisy frames (benchmarks, demo)
//   fake/fake_camera.hpp         frames pushed by a test
// openCamera() picks one from camera.source; it is defined once per platform library.

#include <memory>
#include <string>

#include "kiosk/core/config/settings.hpp"
#include "platform/frame_mailbox.hpp"

namespace platform {

/// What a source is doing, for staff diagnostics. `reason` says why there are no frames, in words
/// an operator can act on ("no camera at /dev/video0", "camera unplugged, retrying in 4 s").
struct CameraStatus {
    enum class State {
        Stopped,   ///< not started, or stopped
        Starting,  ///< opening the device / loading the first image
        Running,   ///< frames flowing
        Missing,   ///< no device (yet): retrying with backoff; the kiosk works without it
        Failed,    ///< a device or configuration the source cannot use (bad format, no images)
    };
    State state = State::Stopped;
    std::string reason;
};

/// Stable lower-case name of a state ("stopped", "starting", "running", "missing", "failed").
inline const char* toString(CameraStatus::State s) {
    switch (s) {
        case CameraStatus::State::Stopped: return "stopped";
        case CameraStatus::State::Starting: return "starting";
        case CameraStatus::State::Running: return "running";
        case CameraStatus::State::Missing: return "missing";
        case CameraStatus::State::Failed: return "failed";
    }
    return "unknown";
}

class FrameSource {
public:
    virtual ~FrameSource() = default;

    /// Starts the capture thread; frames go to `mailbox`, which must outlive stop(). Failures do
    /// not throw: they show in status() (and a missing camera is retried in the background).
    virtual void start(FrameMailbox& mailbox) = 0;

    /// Stops and joins the capture thread. Idempotent; also called by the destructor of backends.
    virtual void stop() = 0;

    /// Thread-safe snapshot of the source's state.
    [[nodiscard]] virtual CameraStatus status() const = 0;

    /// Short description for logs and diagnostics ("v4l2 /dev/video0 1280x720@15").
    [[nodiscard]] virtual std::string describe() const = 0;
};

/// The frame source camera.source names, not started. platform_linux: V4L2, image files or synthetic
/// frames; platform_fake: image files or synthetic frames, and for v4l2 a camera that reports itself
/// missing. @return nullptr for source "none"
std::unique_ptr<FrameSource> openCamera(const kiosk::core::CameraSettings& settings);

}  // namespace platform
