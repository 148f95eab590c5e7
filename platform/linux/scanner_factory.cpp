// openScanners for platform_linux: a serial (CDC-ACM) scanner and/or an evdev keyboard-wedge scanner.
#include "platform/linux/scanner_evdev.hpp"
#include "platform/linux/scanner_serial.hpp"
#include "platform/scanner.hpp"

namespace platform {

std::vector<std::unique_ptr<CodeScanner>> openScanners(const kiosk::core::ScannerSettings& settings) {
    std::vector<std::unique_ptr<CodeScanner>> scanners;
    if (!settings.serialDevice.empty()) {
        scanners.push_back(makeSerialScanner({settings.serialDevice, settings.serialBaud}));
    }
    if (!settings.evdevDevice.empty()) {
        scanners.push_back(makeEvdevScanner({settings.evdevDevice, settings.evdevGrab}));
    }
    return scanners;
}

}  // namespace platform
