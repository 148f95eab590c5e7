#pragma once
// The staff part of the test control's `state` answer (test_hooks.cpp): page, digits typed (a count,
// never the PIN), wrong PINs, lockout seconds left, pending edits, and where each staff task stands.

#include <chrono>
#include <string>

#include "kiosk/app/shell/shell_hooks.hpp"
#include "kiosk/core/flow/flow.hpp"

namespace kiosk::app {

/// " staff=device pin=0 failures=2 locked=0 draft=1 save=idle backend_test=done print_test=printed
/// provision=none newpin=idle read=- printer_ready=1 backend_ok=1" for the staff and setup screens (and the
/// lockout anywhere); "" otherwise.
std::string staffStateText(const ShellSnapshot& snapshot, std::chrono::steady_clock::time_point now);

}  // namespace kiosk::app
