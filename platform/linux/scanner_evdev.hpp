#pragma once
// Keyboard-wedge scanner read directly from its /dev/input event device.
//
// [x] exclusive grab (EVIOCGRAB): scans never reach the window system or the UI
// [x] US keymap to characters (digits, letters, punctuation, with Shift), whatever the desktop layout
// [x] Enter (main or keypad) ends a code; unplug/replug recovery with backoff
// [ ] no dead keys or non-US keymaps (scanners are set to US layout in practice)

#include <memory>
#include <optional>
#include <string>

#include "platform/scanner.hpp"

namespace platform {

struct EvdevScannerOptions {
    std::string device;  ///< e.g. /dev/input/by-id/usb-XXXX-event-kbd
    bool grab = true;
};

std::unique_ptr<CodeScanner> makeEvdevScanner(EvdevScannerOptions options);

/// The US-layout character for a Linux key code (linux/input-event-codes.h), or nullopt for keys
/// that type nothing. Exposed for tests.
std::optional<char> usKeyToChar(int keyCode, bool shift);

}  // namespace platform
