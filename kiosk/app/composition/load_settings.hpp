#pragma once
// Settings for a run of the kiosk or a subcommand: the configuration layers named by the global options
// (--config), then the one-run overrides --backend, --token-file and --printer.

#include "kiosk/app/composition/global_options.hpp"
#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/config_loader.hpp"

namespace kiosk::app {

/// Loads defaults < fleet file (--config FILE, which must then exist; else /etc/kiosk/kiosk.toml if
/// present) < /var/lib/kiosk/local.toml if present < --backend / --token-file / --printer.
/// @return the settings with provenance, or an Error (kind Config) listing every problem as
///         `FILE:LINE: KEY: message`, one per line
core::Result<core::LoadedSettings> loadSettingsFor(const GlobalOptions& options);

}  // namespace kiosk::app
