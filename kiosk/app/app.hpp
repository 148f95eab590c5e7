#pragma once
// The composition root of the kiosk screen: builds the window, ImGui, the lookup client and the
// test hooks, then runs the frame loop until staff mode ends it.

#include "kiosk/app/commands.hpp"

namespace CLI {
class App;
}

namespace kiosk::app {

/// Adds the kiosk screen's own options (--window-size; --test-control in test builds).
void registerKioskOptions(CLI::App& cli);

/// Runs the fullscreen kiosk. @return the process exit code (non-zero after repeated frame failures
/// or when the window cannot be opened, so the supervisor restarts it)
int runKiosk(const GlobalOptions& options);

}  // namespace kiosk::app
