#pragma once
// Hardware code scanners that deliver whole codes (one per line): serial/CDC-ACM scanners and a
// keyboard-wedge scanner read directly from its /dev/input event device with an exclusive grab.
// (A keyboard-wedge scanner that types into the window is handled by kiosk::core::WedgeBurstDetector
// on the UI thread instead.)
//
// Backends: linux/scanner_serial.cpp, linux/scanner_evdev.cpp.

#include <functional>
#include <string>

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

}  // namespace platform
