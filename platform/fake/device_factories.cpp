// openCamera and openScanners for platform_fake: a kiosk built with KIOSK_PLATFORM=fake runs anywhere
// without devices. Image-file and synthetic cameras work as in platform_linux (they need no device);
// a V4L2 camera or a hardware scanner is reported missing, with a reason staff can read.
#include "platform/camera.hpp"
#include "platform/common/camera_files.hpp"
#include "platform/common/camera_synthetic.hpp"
#include "platform/scanner.hpp"

namespace platform {
namespace {

constexpr const char* kNoDevices = "the fake platform has no devices (build with KIOSK_PLATFORM=linux)";

class AbsentCamera final : public FrameSource {
public:
    explicit AbsentCamera(std::string device) : m_device(std::move(device)) {}
    void start(FrameMailbox&) override {}
    void stop() override {}
    [[nodiscard]] CameraStatus status() const override { return {CameraStatus::State::Missing, kNoDevices}; }
    [[nodiscard]] std::string describe() const override { return "absent camera " + m_device; }

private:
    std::string m_device;
};

class AbsentScanner final : public CodeScanner {
public:
    explicit AbsentScanner(std::string device) : m_device(std::move(device)) {}
    void start(OnCode) override {}
    void stop() override {}
    [[nodiscard]] CameraStatus status() const override { return {CameraStatus::State::Missing, kNoDevices}; }
    [[nodiscard]] std::string describe() const override { return "absent scanner " + m_device; }

private:
    std::string m_device;
};

}  // namespace

std::unique_ptr<FrameSource> openCamera(const kiosk::core::CameraSettings& cam) {
    using kiosk::core::CameraSource;
    switch (cam.source) {
        case CameraSource::None: return nullptr;
        case CameraSource::V4l2: return std::make_unique<AbsentCamera>(cam.device);
        case CameraSource::Files: return makeFileCamera(fileCameraOptions(cam));
        case CameraSource::Synthetic: return makeSyntheticCamera(syntheticCameraOptions(cam));
    }
    return nullptr;
}

std::vector<std::unique_ptr<CodeScanner>> openScanners(const kiosk::core::ScannerSettings& settings) {
    std::vector<std::unique_ptr<CodeScanner>> scanners;
    for (const std::string& device : {settings.serialDevice, settings.evdevDevice}) {
        if (!device.empty()) scanners.push_back(std::make_unique<AbsentScanner>(device));
    }
    return scanners;
}

}  // namespace platform
