#pragma once
// Serial (CDC-ACM, RS-232) code scanner: a tty that sends one code per line.
//
// [x] raw termios (no echo, no line editing), baud rate from options (CDC-ACM ignores it)
// [x] lines end with CR, LF or CR LF; empty lines are ignored; overlong lines (> 2048 bytes) dropped
// [x] unplug/replug recovery with backoff; a missing tty is a status with a reason

#include <memory>
#include <string>

#include "platform/scanner.hpp"

namespace platform {

struct SerialScannerOptions {
    std::string device = "/dev/ttyACM0";
    int baud = 9600;
};

std::unique_ptr<CodeScanner> makeSerialScanner(SerialScannerOptions options);

}  // namespace platform
