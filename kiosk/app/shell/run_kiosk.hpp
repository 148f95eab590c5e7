#pragma once
// runKiosk: start-up of the kiosk screen, step by step (settings, fonts and window, devices, the shell),
// then its frame loop until it ends.

#include "kiosk/app/composition/global_options.hpp"
#include "kiosk/app/shell/shell_hooks.hpp"

namespace kiosk::app {

/// Runs the fullscreen kiosk.
/// @param options the global command-line options (--config, --windowed, --backend, ...)
/// @param extras  a test build's hooks, clock and lookup; empty in the product
/// @return the process exit code: 0 after a requested quit, 2 when it cannot start (invalid config, no
///         display, no fonts), 70 after repeated frame failures (the supervisor restarts it)
int runKiosk(const GlobalOptions& options, KioskExtras extras = {});

}  // namespace kiosk::app
