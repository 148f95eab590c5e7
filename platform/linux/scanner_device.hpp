#pragma once
// What the Linux scanner backends (scanner_serial.cpp, scanner_evdev.cpp) share: the reader thread
// with its status and the reconnect loop (open, read until unplugged, close, retry with backoff).
// A backend supplies only its device code, as a ScannerDevice.

#include <memory>
#include <stop_token>
#include <string>

#include "platform/scanner.hpp"

namespace platform::detail {

/// The device side of a scanner backend. Called on the reader thread only.
class ScannerDevice {
public:
    virtual ~ScannerDevice() = default;

    /// The device node, for status lines ("opening /dev/ttyACM0", "scanner ... disconnected").
    [[nodiscard]] virtual const std::string& path() const = 0;

    /// Short description for logs and diagnostics ("serial scanner /dev/ttyACM0").
    [[nodiscard]] virtual std::string describe() const = 0;

    /// Opens and prepares the device.
    /// @param why set to a reason for staff when the device cannot be used (then it is retried)
    /// @return an open descriptor, or -1
    virtual int open(std::string& why) = 0;

    /// Reads codes and passes each whole one to `onCode` until stop is requested or the device fails
    /// (unplugged). The caller then calls close(fd).
    virtual void read(std::stop_token stop, int fd, const CodeScanner::OnCode& onCode) = 0;

    /// Releases what open() took. The default closes `fd`.
    virtual void close(int fd);
};

/// A CodeScanner that runs `device` on its own thread: Missing with a reason (and retried with
/// backoff) while the device cannot be opened, Running while it is read, reconnecting after unplug.
/// @param device the backend's device code
/// @return the scanner; its destructor stops and joins the thread
std::unique_ptr<CodeScanner> makeDeviceScanner(std::unique_ptr<ScannerDevice> device);

}  // namespace platform::detail
