#pragma once
// The configuration files of this run as texts (for the staff settings page and for saving it), read
// the way loadSettingsFor reads them: the fleet file (--config or /etc/kiosk/kiosk.toml), the local
// overrides file in the fleet's data folder, and the command line's one-run overrides. Disk I/O: call
// it on a worker.

#include "kiosk/app/composition/global_options.hpp"
#include "kiosk/core/staff/settings_editor.hpp"

namespace kiosk::app {

/// The files' texts now (absent files are absent, not errors).
core::ConfigTexts readConfigTexts(const GlobalOptions& options);

}  // namespace kiosk::app
