#pragma once
// The kiosk's log (docs/operations.md, "Logs"): level from operations.log_level (SPDLOG_LEVEL, e.g.
// "debug", still wins for a development run); under systemd the journal with levels and fields
// (platform/system.hpp), otherwise stderr plus a size-capped kiosk.log in operations.log_dir.
// What is logged never holds personal data: each module's header states its rule.

#include <string>

#include "kiosk/core/config/settings.hpp"

namespace kiosk::app {

/// Replaces the default logger's sinks and level for a kiosk run. A log folder that cannot be written
/// is reported on stderr and the kiosk logs to stderr only.
/// @param operations the [operations] settings (log_level, log_dir)
/// @param version    the kiosk's version, a field of every journal line
/// @return where the log goes, for the first log line ("journald", "stderr and /var/log/kiosk/kiosk.log")
std::string configureLogging(const core::OperationsSettings& operations, std::string_view version);

/// The spdlog level of a configured log level.
int spdlogLevel(core::LogLevel level);

}  // namespace kiosk::app
