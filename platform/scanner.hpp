#pragma once
// Hardware code scanners that deliver whole codes (one per line): serial/CDC-ACM scanners and a
// keyboard-wedge scanner read directly from its /dev/input event device with an exclusive grab.
// (A keyboard-wedge scanner that types into the window is handled by kiosk::core::WedgeBurstDetector
// on the UI thread instead.)
//
// Backends: linux/scanner_serial.cpp, linux/scanner_evdev.cpp; fake/fake_scanner.hpp for tests.
// openScanners() builds the configured ones; it is defined once per platform library.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/config/settings.hpp"
#include "platform/camera.hpp"

namespace platform {

class CodeScanner {
public:
    /// Called on the scanner's thread with one code (raw scanned text: never log it).
    using OnCode = std::function<void(std::string code)>;

    virtual ~CodeScanner() = default;
    /// Starts the reader thread. A missing device is retried with backoff; see status().
    virtual void start(OnCode onCode) = 0;
    /// Stops and joins the reader thread. Idempotent.
    virtual void stop() = 0;
    /// Thread-safe snapshot (same states as a camera).
    [[nodiscard]] virtual CameraStatus status() const = 0;
    [[nodiscard]] virtual std::string describe() const = 0;
};

/// The scanners [scanner] configures (serial_device, evdev_device), not started; empty when none is.
/// platform_fake gives scanners that report themselves missing.
std::vector<std::unique_ptr<CodeScanner>> openScanners(const kiosk::core::ScannerSettings& settings);

}  // namespace platform
