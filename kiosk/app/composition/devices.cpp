#include "kiosk/app/composition/devices.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {

Devices buildDevices(const core::Settings& settings, DeviceSet which) {
    Devices devices;
    if (which.http) devices.http = platform::makeHttpClient();
    if (which.printer && !settings.printer.uri.empty()) {
        if (auto uri = core::parsePrinterUri(settings.printer.uri)) {
            devices.printer = platform::openPrinter(*uri);
        } else {
            spdlog::error("printer: {}; printing is off", uri.error().message);
        }
    }
    if (which.camera) devices.camera = platform::openCamera(settings.camera);
    if (which.scanners) devices.scanners = platform::openScanners(settings.scanner);
    if (which.speech && settings.audio.enabled) {
        if (auto synth = platform::makeSpeechSynthesizer({settings.audio.volume, settings.audio.rateWpm})) {
            devices.speech = std::move(*synth);
            devices.audio = platform::makeAudioOutput();
        } else {
            spdlog::error("speech: {}; the listen button stays hidden", synth.error().message);
        }
    }
    if (which.supervisor) devices.supervisor = platform::makeSystemNotifier();
    return devices;
}

core::Result<core::TimeZone> officeTimeZone(const core::Settings& settings) {
    return platform::locateTimeZone(settings.office.timeZone);
}

core::Result<std::unique_ptr<platform::Window>> openKioskWindow(const core::Settings& settings, bool windowed,
                                                                 int width, int height) {
    platform::WindowOptions options;
    options.fullscreen = !windowed;
    options.hideCursor = settings.ui.hideCursor && !windowed;
    options.width = width;
    options.height = height;
    options.title = "Kiosk";
    return platform::createWindow(options);
}

platform::PixelSize expectedWindowSize(bool windowed, int width, int height) {
    return windowed ? platform::PixelSize{width, height} : platform::primaryMonitorSize();
}

}  // namespace kiosk::app
